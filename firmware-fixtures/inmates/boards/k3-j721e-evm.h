/*
 * TI J721E EVM, inmate-demo cell (jailhouse configs/arm64/k3-j721e-evm-inmate-demo):
 * main_uart1 (8250, regdist 4, divider 0x1b), A72 CPU 1, virtual PCI with one
 * ivshmem device whose INTx is SPI 195 (vpci_irq_base 163 + 32).
 */
#define BOARD_NAME		"k3-j721e-evm"
#define BOARD_IN_CELL		1
#define BOARD_UART_TYPE		UART_TYPE_8250
#define BOARD_UART_BASE		0x02810000UL
#define BOARD_UART_DIVIDER	0x1b
#define BOARD_GICD_BASE		0x01800000UL
#define BOARD_GICR_BASE		0x01900000UL
#define BOARD_PCI_ECAM_BASE	0x76000000UL
#define BOARD_IVSHMEM_IRQ	195
#define BOARD_DEMO_ROUNDS	0
