// Table-driven CRC-32 (the zlib polynomial) over a 4 KiB buffer, `count` passes, loads through
// the TLB on every byte; then PSCI SYSTEM_OFF over HVC.
// Result: w19 = CRC-32 of `count` copies of the buffer (byte i = 7 * i + 1).
	.text
	.global _start
_start:
	b	start
	.balign 8
count:	.quad	10000
start:
	movz	x5, #0x4010, lsl #16		// the table, 1 KiB at 0x40100000
	movz	w9, #0x8320
	movk	w9, #0xedb8, lsl #16
	mov	w6, #0
table:
	mov	w7, w6
	mov	w8, #8
bit:
	lsr	w10, w7, #1
	tst	w7, #1
	eor	w11, w10, w9
	csel	w7, w11, w10, ne
	subs	w8, w8, #1
	b.ne	bit
	str	w7, [x5, w6, uxtw #2]
	add	w6, w6, #1
	cmp	w6, #256
	b.ne	table
	movz	x1, #0x4020, lsl #16		// the buffer, 4 KiB at 0x40200000
	mov	x6, #0
fill:
	lsl	w7, w6, #3
	sub	w7, w7, w6
	add	w7, w7, #1
	strb	w7, [x1, x6]
	add	x6, x6, #1
	cmp	x6, #4096
	b.ne	fill
	ldr	x12, count
	mov	w0, #-1
outer:
	movz	x1, #0x4020, lsl #16
	mov	x2, #4096
inner:
	ldrb	w3, [x1], #1
	eor	w4, w0, w3
	and	w4, w4, #0xff
	ldr	w4, [x5, w4, uxtw #2]
	eor	w0, w4, w0, lsr #8
	subs	x2, x2, #1
	b.ne	inner
	subs	x12, x12, #1
	b.ne	outer
	mvn	w19, w0
	movz	x0, #0x0008
	movk	x0, #0x8400, lsl #16
	hvc	#0
1:	b	1b
