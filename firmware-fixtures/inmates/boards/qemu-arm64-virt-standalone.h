/*
 * QEMU virt without a hypervisor, the oracle variant: started by
 * `qemu-system-aarch64 -M virt,gic-version=3 -kernel X.elf` at EL1, RAM at
 * 0x40000000, image linked at 0x40080000. Nobody set up the GIC before us, so
 * the distributor and our redistributor are initialised here, and PSCI uses
 * the board's HVC conduit (virt without virtualization=on). Every demo ends
 * after BOARD_DEMO_ROUNDS rounds with PSCI SYSTEM_OFF, which ends QEMU.
 */
#define BOARD_NAME		"qemu-arm64-virt-standalone"
#define BOARD_IN_CELL		0
#define BOARD_UART_TYPE		UART_TYPE_PL011
#define BOARD_UART_BASE		0x09000000UL
#define BOARD_UART_DIVIDER	0
#define BOARD_GICD_BASE		0x08000000UL
#define BOARD_GICR_BASE		0x080a0000UL
#define BOARD_PCI_ECAM_BASE	0x4010000000UL
#define BOARD_IVSHMEM_IRQ	0
#define BOARD_DEMO_ROUNDS	120
