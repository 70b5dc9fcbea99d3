// Integer loop: four integer instructions per iteration, then PSCI SYSTEM_OFF over HVC.
// Layout shared by the benchmark programs: a branch at 0, the iteration count at offset 8.
// Result: x2 = (3 * count) ^ 1.
	.text
	.global _start
_start:
	b	start
	.balign 8
count:	.quad	100000000
start:
	ldr	x1, count
	mov	x0, #0
loop:
	add	x0, x0, #3
	eor	x2, x0, x1
	subs	x1, x1, #1
	b.ne	loop
	movz	x0, #0x0008
	movk	x0, #0x8400, lsl #16
	hvc	#0
1:	b	1b
