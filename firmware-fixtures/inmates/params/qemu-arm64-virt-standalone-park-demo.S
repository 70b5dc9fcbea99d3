/*
 * park-demo command line built into the standalone QEMU virt image (the
 * oracle run has no `jailhouse cell load -s` to put it there). Without a
 * hypervisor nothing parks the CPU: the write to RAM returns, the demo says
 * so and the run ends with SYSTEM_OFF. Format: README.md, "Command line".
 */
	.section .params, "a"
	.asciz	"addr=0x40200000 write=1 value=0x5041524b"
