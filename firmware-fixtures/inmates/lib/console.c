/*
 * Console: the cell's UART (8250 with 32-bit registers 4 bytes apart, or
 * PL011), polled; inside a Jailhouse cell also the debug-console hypercall
 * when the comm region says it is permitted and active (Jailhouse's rule).
 */
#include "inmate.h"

#define UART8250_THR	0x00
#define UART8250_DLL	0x00
#define UART8250_DLM	0x04
#define UART8250_LCR	0x0c
#define  LCR_8N1	0x03
#define  LCR_DLAB	0x80
#define UART8250_LSR	0x14
#define  LSR_THRE	0x20

#define PL011_DR	0x00
#define PL011_FR	0x18
#define  FR_TXFF	0x20
#define PL011_IBRD	0x24
#define PL011_LCRH	0x2c
#define  LCRH_WLEN8	0x60
#define PL011_CR	0x30
#define  CR_UARTEN	0x001
#define  CR_TXE		0x100

static bool console_ready;
static bool use_hypercall;

static void console_init(void)
{
	const u64 base = BOARD_UART_BASE;

	map_range(base, 0x1000, MAP_DEVICE);
	if (BOARD_UART_DIVIDER) {
		if (BOARD_UART_TYPE == UART_TYPE_8250) {
			mmio_write32(base + UART8250_LCR, LCR_DLAB);
			mmio_write32(base + UART8250_DLL, BOARD_UART_DIVIDER);
			mmio_write32(base + UART8250_DLM, 0);
			mmio_write32(base + UART8250_LCR, LCR_8N1);
		} else {
			mmio_write32(base + PL011_CR, 0);
			mmio_write32(base + PL011_IBRD, BOARD_UART_DIVIDER);
			mmio_write32(base + PL011_LCRH, LCRH_WLEN8);
			mmio_write32(base + PL011_CR, CR_UARTEN | CR_TXE);
		}
	}
	if (BOARD_IN_CELL) {
		u32 flags = comm_region()->flags;

		if (flags & COMM_FLAG_DBG_PUTC_PERMITTED)
			use_hypercall = flags & COMM_FLAG_DBG_PUTC_ACTIVE;
	}
	console_ready = true;
}

static void uart_putc(char c)
{
	const u64 base = BOARD_UART_BASE;

	if (BOARD_UART_TYPE == UART_TYPE_8250) {
		while (!(mmio_read32(base + UART8250_LSR) & LSR_THRE))
			;
		mmio_write32(base + UART8250_THR, (u8)c);
	} else {
		while (mmio_read32(base + PL011_FR) & FR_TXFF)
			;
		mmio_write32(base + PL011_DR, (u8)c);
	}
}

static void raw_putc(char c)
{
	uart_putc(c);
	if (use_hypercall)
		jailhouse_call(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, (u8)c, 0);
}

void console_putc(char c)
{
	if (!console_ready)
		console_init();
	if (c == '\n')
		raw_putc('\r');
	raw_putc(c);
}

void console_puts(const char *s)
{
	while (*s)
		console_putc(*s++);
}
