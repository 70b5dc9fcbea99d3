/* TI AM625 SK, the inmate cell `warden config create` wrote: CPU 3, shares main_uart0 with Linux. */
#define BOARD_NAME		"am625-sk"
#define BOARD_IN_CELL		1
#define BOARD_UART_TYPE		UART_TYPE_8250
#define BOARD_UART_BASE		0x02800000UL
#define BOARD_UART_DIVIDER	0
#define BOARD_GICD_BASE		0x01800000UL
#define BOARD_GICR_BASE		0x01880000UL
#define BOARD_PCI_ECAM_BASE	0x7ff00000UL
#define BOARD_IVSHMEM_IRQ	36
#define BOARD_DEMO_ROUNDS	0
