// MMIO read loop: reads the PL011's flag register (UARTFR at 0x09000018) `count` times, adding
// what it reads, four instructions per read; then PSCI SYSTEM_OFF over HVC. Every read leaves
// the RAM fast path for the device. Result: x4 = count * UARTFR (0x90 on an idle PL011:
// transmit FIFO empty, receive FIFO empty).
	.text
	.global _start
_start:
	b	start
	.balign 8
count:	.quad	10000000
start:
	movz	x1, #0x0900, lsl #16
	ldr	x2, count
	mov	x4, #0
loop:
	ldr	w3, [x1, #0x18]
	add	x4, x4, x3
	subs	x2, x2, #1
	b.ne	loop
	movz	x0, #0x0008
	movk	x0, #0x8400, lsl #16
	hvc	#0
1:	b	1b
