// 64-byte copy loop with ldp/stp: 64 KiB from 0x40200000 to 0x40300000, `count` times;
// then PSCI SYSTEM_OFF over HVC. Result: the destination equals the source
// (64-bit word i = i * 0x9e3779b97f4a7c15).
	.text
	.global _start
_start:
	b	start
	.balign 8
count:	.quad	30000
start:
	movz	x1, #0x4020, lsl #16
	movz	x3, #0x4030, lsl #16
	movz	x8, #0x7c15
	movk	x8, #0x7f4a, lsl #16
	movk	x8, #0x79b9, lsl #32
	movk	x8, #0x9e37, lsl #48
	mov	x6, #0
	mov	x7, #0
fill:
	str	x7, [x1, x6, lsl #3]
	add	x7, x7, x8
	add	x6, x6, #1
	cmp	x6, #8192
	b.ne	fill
	ldr	x12, count
outer:
	mov	x4, x1
	mov	x5, x3
	mov	x2, #1024
inner:
	ldp	x6, x7, [x4], #16
	ldp	x8, x9, [x4], #16
	ldp	x10, x11, [x4], #16
	ldp	x13, x14, [x4], #16
	stp	x6, x7, [x5], #16
	stp	x8, x9, [x5], #16
	stp	x10, x11, [x5], #16
	stp	x13, x14, [x5], #16
	subs	x2, x2, #1
	b.ne	inner
	subs	x12, x12, #1
	b.ne	outer
	movz	x0, #0x0008
	movk	x0, #0x8400, lsl #16
	hvc	#0
1:	b	1b
