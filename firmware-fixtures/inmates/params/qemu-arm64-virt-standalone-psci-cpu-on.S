/*
 * psci-cpu-on parameter block built into the standalone QEMU virt image
 * (one CPU, MPIDR 0x80000000 reads back as 0 after masking). Format: README.md.
 */
	.section .params, "a"
	.long	0x31435350		/* "PSC1" */
	.long	(end - targets) / 8
targets:
	.quad	0x0			/* the calling CPU itself: ALREADY_ON */
	.quad	0x1			/* no such CPU with -smp 1 */
	.quad	0x100			/* no such cluster */
end:
