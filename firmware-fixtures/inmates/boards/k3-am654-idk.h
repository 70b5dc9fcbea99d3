/*
 * TI AM654 IDK, inmate-demo cell (jailhouse configs/arm64/k3-am654-idk-inmate-demo
 * of the next branch, Warden's fixture; master's k3-am654-inmate-demo): the cell
 * owns MCU UART0 (8250, 32-bit registers 4 bytes apart, divider 0x35) and runs
 * on A53 CPU 1 (CPU 2 on master); its RAM is mapped at cell address 0.
 */
#define BOARD_NAME		"k3-am654-idk"
#define BOARD_IN_CELL		1
#define BOARD_UART_TYPE		UART_TYPE_8250
#define BOARD_UART_BASE		0x40a00000UL
#define BOARD_UART_DIVIDER	0x35
#define BOARD_GICD_BASE		0x01800000UL
#define BOARD_GICR_BASE		0x01880000UL
#define BOARD_PCI_ECAM_BASE	0x76000000UL
#define BOARD_IVSHMEM_IRQ	0
#define BOARD_DEMO_ROUNDS	0
