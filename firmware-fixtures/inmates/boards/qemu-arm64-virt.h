/*
 * QEMU virt, inmate-demo cell (jailhouse configs/arm64/qemu-arm64-inmate-demo):
 * the PL011 at 0x09000000 is shared with the hypervisor console (divider 0:
 * left as configured), virtual PCI at 0x08e00000, ivshmem INTx on SPI 144.
 */
#define BOARD_NAME		"qemu-arm64-virt"
#define BOARD_IN_CELL		1
#define BOARD_UART_TYPE		UART_TYPE_PL011
#define BOARD_UART_BASE		0x09000000UL
#define BOARD_UART_DIVIDER	0
#define BOARD_GICD_BASE		0x08000000UL
#define BOARD_GICR_BASE		0x080a0000UL
#define BOARD_PCI_ECAM_BASE	0x08e00000UL
#define BOARD_IVSHMEM_IRQ	144
#define BOARD_DEMO_ROUNDS	0
