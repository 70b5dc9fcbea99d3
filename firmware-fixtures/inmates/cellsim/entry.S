/*
 * cellsim: a minimal EL2 host that runs a qemu-arm64-virt *cell* build under
 * QEMU (-M virt,virtualization=on) the way Jailhouse would run it: stage-2
 * maps the cell's RAM at IPA 0 and a comm region at IPA 0x80000000, SMC
 * (PSCI) and WFI trap to EL2, `hvc #0x4a48` is the hypercall, and an access
 * to anything unmapped stops the cell with a report. It is a test tool for
 * the inmates, not a model of Jailhouse.
 */
	.section .boot, "ax"
	.globl __reset_entry
__reset_entry:
	ldr	x0, =el2_vectors
	msr	vbar_el2, x0
	ldr	x0, =__stack_top
	mov	sp, x0
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:	isb
	bl	cellsim_main
	b	.

	/* Enter the cell: EL1h, DAIF masked, PC = IPA 0, x0..x30 zero. */
	.globl enter_cell
enter_cell:
	msr	elr_el2, xzr
	mov	x0, #0x3c5
	msr	spsr_el2, x0
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
	mov	x\n, #0
	.endr
	isb
	eret

/* A trap from the cell: all of x0..x30 in a 256-byte frame on our stack. */
trap_from_cell:
	sub	sp, sp, #256
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	str	x30, [sp, #240]
	mov	x0, sp
	bl	handle_trap
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	ldr	x30, [sp, #240]
	add	sp, sp, #256
	eret

unexpected_el2:
	mov	x1, x0
	mrs	x0, esr_el2
	mrs	x2, elr_el2
	bl	cellsim_unexpected
	b	.

.macro vec label
	.balign	0x80
	b	\label
.endm
.macro vec_bad offset
	.balign	0x80
	mov	x0, #\offset
	b	unexpected_el2
.endm

	.ltorg
	.balign	0x800
el2_vectors:
	vec_bad 0x000
	vec_bad 0x080
	vec_bad 0x100
	vec_bad 0x180
	vec_bad 0x200
	vec_bad 0x280
	vec_bad 0x300
	vec_bad 0x380
	vec trap_from_cell		/* lower EL, AArch64, synchronous */
	vec_bad 0x480
	vec_bad 0x500
	vec_bad 0x580
	vec_bad 0x600
	vec_bad 0x680
	vec_bad 0x700
	vec_bad 0x780
