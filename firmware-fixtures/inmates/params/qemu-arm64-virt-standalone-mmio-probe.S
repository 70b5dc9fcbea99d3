/*
 * mmio-probe parameter block built into the standalone QEMU virt image (the
 * oracle run has no `jailhouse cell load` to put it there). Format: README.md.
 */
#define READ(width, addr)		.long width, 0; .quad addr, 0
#define WRITE(width, addr, value)	.long 0x10 | width, 0; .quad addr, value

	.section .params, "a"
	.long	0x31425250		/* "PRB1" */
	.long	(end - entries) / 24
entries:
	READ(4, 0x09000fe0)		/* PL011 UARTPeriphID0 */
	READ(4, 0x09000ff0)		/* PL011 UARTPCellID0 */
	READ(4, 0x09000018)		/* PL011 UARTFR */
	READ(4, 0x08000004)		/* GICD_TYPER */
	READ(4, 0x0800ffe8)		/* GICD_PIDR2 */
	READ(8, 0x080a0008)		/* GICR_TYPER of CPU 0 */
	WRITE(8, 0x40200000, 0x0123456789abcdef)
	READ(8, 0x40200000)
	READ(4, 0x40200004)
	READ(2, 0x40200002)
	READ(1, 0x40200001)
	WRITE(1, 0x40200007, 0xa5)
	WRITE(2, 0x40200000, 0xbeef)
	WRITE(4, 0x40200008, 0xfffffffe)
	READ(8, 0x40200000)
	READ(8, 0x40200008)
	READ(4, 0x0a000000)		/* virtio-mmio transport 0: magic "virt" */
	READ(4, 0x08030000)		/* nothing is mapped here: a data abort */
end:
