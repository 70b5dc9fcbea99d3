/*
 * Reset entry and exception vectors.
 *
 * The CPU arrives at EL1 with the MMU off and DAIF masked (Jailhouse cell
 * start, PSCI CPU_ON, or QEMU's direct -kernel boot). IRQs stay masked until
 * an inmate enables them.
 */
	.section .boot, "ax"

	.globl __reset_entry
__reset_entry:
	ldr	x0, =vectors
	msr	vbar_el1, x0
	ldr	x0, =__stack_top
	mov	sp, x0
	/* Jailhouse's inmate start-up also grants EL1 FP access; keep the same state. */
	mov	x0, #(3 << 20)
	msr	cpacr_el1, x0
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:	isb
	bl	c_entry
	b	.

	/* A CPU started by PSCI CPU_ON: own stack, shares everything else. */
	.globl __secondary_entry
__secondary_entry:
	ldr	x0, =vectors
	msr	vbar_el1, x0
	ldr	x0, =__secondary_stack_top
	mov	sp, x0
	isb
	bl	secondary_c_entry
	b	.

/* Caller-saved registers (x0-x18, x29, x30) in a 176-byte frame. */
.macro save_caller_regs
	stp	x29, x30, [sp, #-176]!
	stp	x0, x1, [sp, #16]
	stp	x2, x3, [sp, #32]
	stp	x4, x5, [sp, #48]
	stp	x6, x7, [sp, #64]
	stp	x8, x9, [sp, #80]
	stp	x10, x11, [sp, #96]
	stp	x12, x13, [sp, #112]
	stp	x14, x15, [sp, #128]
	stp	x16, x17, [sp, #144]
	str	x18, [sp, #160]
.endm

.macro restore_caller_regs
	ldr	x18, [sp, #160]
	ldp	x16, x17, [sp, #144]
	ldp	x14, x15, [sp, #128]
	ldp	x12, x13, [sp, #112]
	ldp	x10, x11, [sp, #96]
	ldp	x8, x9, [sp, #80]
	ldp	x6, x7, [sp, #64]
	ldp	x4, x5, [sp, #48]
	ldp	x2, x3, [sp, #32]
	ldp	x0, x1, [sp, #16]
	ldp	x29, x30, [sp], #176
.endm

handle_irq:
	save_caller_regs
	bl	irq_dispatch
	restore_caller_regs
	eret

handle_sync:
	save_caller_regs
	mrs	x0, esr_el1
	mrs	x1, elr_el1
	mrs	x2, far_el1
	bl	sync_exception
	b	.

handle_unexpected:
	bl	unexpected_exception
	b	.

.macro vector_to label
	.balign	0x80
	b	\label
.endm

.macro vector_unexpected offset
	.balign	0x80
	mov	x0, #\offset
	b	handle_unexpected
.endm

	/* Literals stay below the vectors: .boot must end at +0x1000. */
	.ltorg

	.balign	0x800
	.globl vectors
vectors:
	/* Current EL with SP_EL0 */
	vector_unexpected 0x000
	vector_unexpected 0x080
	vector_unexpected 0x100
	vector_unexpected 0x180
	/* Current EL with SP_ELx: the only group inmates use */
	vector_to handle_sync
	vector_to handle_irq
	vector_unexpected 0x300
	vector_unexpected 0x380
	/* Lower EL, AArch64 */
	vector_unexpected 0x400
	vector_unexpected 0x480
	vector_unexpected 0x500
	vector_unexpected 0x580
	/* Lower EL, AArch32 */
	vector_unexpected 0x600
	vector_unexpected 0x680
	vector_unexpected 0x700
	vector_unexpected 0x780
