/*
 * cellsim host side (see entry.S). Memory, as QEMU loads it for the test:
 *   0x40080000  cellsim itself
 *   0x40200000  the cell image (IPA 0, one 2 MiB stage-2 block)
 *   0x40400000  the comm region page (IPA 0x80000000), filled by the test
 * The board the cell build was made for is a word at comm page + 0x800 (0
 * qemu-arm64-virt, 1 k3-am654-idk, 2 k3-j721e-evm). For the K3 builds the
 * GIC windows are remapped page by page onto QEMU's GIC and the 8250 is
 * emulated here; for qemu-arm64-virt the GIC and the PL011's 4 KiB page (as
 * in Jailhouse's qemu-arm64-inmate-demo cell) are passed through.
 *
 * The Jailhouse hypercall answers what Jailhouse gives a non-root cell:
 * -EPERM (-1) for the cell-management calls and CELL_GET_STATE, the page
 * pool figures of the i-hypercalls recording (reference rig) for
 * HYPERVISOR_GET_INFO, the state and cellsim's own trap counts for the
 * cell's CPU (CPU 1, as in Warden's three inmate-demo cells) in
 * CPU_GET_INFO, the debug console when the comm region permits it, and
 * -ENOSYS (-38) for anything else. SMCs are sorted by owner like Jailhouse
 * does: Arm architecture (SMCCC_VERSION, SMCCC_ARCH_FEATURES; any other
 * function stops the cell), SiP (-1), standard (PSCI), anything else stops
 * the cell. A stop on a fault prints the syndrome and the cell's registers.
 */
#include "inmate.h"

#define CELL_RAM_PA		0x40200000UL
#define COMM_PA			0x40400000UL
#define BLOCK_2M		0x200000UL
#define PAGE_4K			0x1000UL
#define QEMU_GICD		0x08000000UL
#define QEMU_GICR		0x080a0000UL
#define QEMU_UART		0x09000000UL

struct board {
	const char *name;
	u64 uart_8250;		/* emulated 8250 (regdist 4), 0 for none */
	u64 gicd, gicr;		/* the board's GIC windows (IPA) */
	u64 ecam;		/* its virtual PCI config space (IPA) */
};

static const struct board boards[] = {
	{ "qemu-arm64-virt", 0, QEMU_GICD, QEMU_GICR, 0x08e00000UL },
	{ "k3-am654-idk", 0x40a00000UL, 0x01800000UL, 0x01880000UL, 0x76000000UL },
	{ "k3-j721e-evm", 0x02810000UL, 0x01800000UL, 0x01900000UL, 0x76000000UL },
};
static const struct board *board;

/* Stage-2 level-2 block: AF, inner shareable, read/write, memory attributes. */
#define S2_BLOCK		(1UL | (1UL << 10) | (3UL << 8) | (3UL << 6))
#define S2_PAGE			(S2_BLOCK | 2UL)
#define S2_NORMAL		(0xfUL << 2)
#define S2_DEVICE		(0x1UL << 2)

#define HCR_VM			(1UL << 0)
#define HCR_TWI			(1UL << 13)
#define HCR_TSC			(1UL << 19)
#define HCR_RW			(1UL << 31)
#define VTCR_VALUE		(32UL | (1UL << 6) | (1UL << 8) | (1UL << 10) | \
				 (3UL << 12) | (2UL << 16) | (1UL << 31))

#define EC_WFX			0x01
#define EC_HVC64		0x16
#define EC_SMC64		0x17
#define EC_DABT_LOW		0x24

#define EPERM			1
#define EINVAL			22
#define ENOSYS			38

/* The cell's CPU in Jailhouse's numbering (CPU_GET_INFO). */
#define CELL_CPU		1
/* CPU_GET_INFO statistics 1000 + n, as Jailhouse numbers them (facts 4.10). */
enum { STAT_TOTAL, STAT_MMIO, STAT_MANAGEMENT, STAT_HYPERCALL, STAT_MAINTENANCE,
       STAT_VIRT_IRQ, STAT_VIRT_SGI, STAT_PSCI, STAT_SMCCC, STATS };

#define GICD_CTLR		QEMU_GICD
#define GICR0			QEMU_GICR

#define UART_THR		0x00
#define UART_LCR		0x0c
#define UART_LSR		0x14
#define  LSR_IDLE		0x60

struct frame {
	u64 x[31];
};

static u64 s2_level1[4] __attribute__((aligned(4096)));
static u64 s2_low[512] __attribute__((aligned(4096)));	/* IPA 0 .. 1 GiB */
static u64 s2_comm[512] __attribute__((aligned(4096)));	/* IPA 2 .. 3 GiB */
static u64 s2_pages[512] __attribute__((aligned(4096)));	/* K3 GIC windows, or the PL011 page */
static u32 uart_lcr, uart_dll;
static u64 stats[STATS];
/* HYPERVISOR_GET_INFO 0..4: mem pool size/used, remap pool size/used, cells. */
static const long hypervisor_info[] = { 994, 158, 131072, 528, 2 };
static char console_line[256];
static unsigned int console_len;

static void __attribute__((noreturn)) host_power_off(void)
{
	/* QEMU virt with virtualization=on takes PSCI over SMC. */
	register u64 x0 asm("x0") = PSCI_SYSTEM_OFF;

	asm volatile("smc #0" : "+r"(x0) : : "memory");
	for (;;)
		wfi();
}

static void __attribute__((noreturn)) stop_cell(const char *why, u64 value)
{
	printk("cellsim: %s 0x%lx, cell_state %u\n", why, value,
	       ((volatile struct comm_region *)COMM_PA)->cell_state);
	host_power_off();
}

/* The syndrome and the cell's registers, laid out like Jailhouse's dump. */
static void dump_cell(const struct frame *f, u64 esr)
{
	unsigned int i;

	printk("cellsim: ESR 0x%08lx (EC 0x%02lx, ISS 0x%07lx), SPSR 0x%lx, SP_EL1 0x%lx, LR 0x%lx\n",
	       esr, esr >> 26, esr & 0x1ffffff, read_sysreg(spsr_el2), read_sysreg(sp_el1), f->x[30]);
	for (i = 0; i < 30; i++)
		printk("%sx%u: %016lx%s", i < 10 ? " " : "", i, f->x[i], i % 3 == 2 ? "\n" : "  ");
}

static void __attribute__((noreturn)) fault_stop(const struct frame *f, u64 esr)
{
	dump_cell(f, esr);
	stop_cell("stopped at", read_sysreg(elr_el2));
}

static void map_pages(u64 ipa, u64 pa, u64 size)
{
	for (; size; size -= PAGE_4K, ipa += PAGE_4K, pa += PAGE_4K)
		s2_pages[(ipa % BLOCK_2M) / PAGE_4K] = pa | S2_PAGE | S2_DEVICE;
}

static void setup_stage2(void)
{
	s2_low[0] = CELL_RAM_PA | S2_BLOCK | S2_NORMAL;
	if (board->gicd == QEMU_GICD) {
		s2_low[QEMU_GICD / BLOCK_2M] = QEMU_GICD | S2_BLOCK | S2_DEVICE;	/* GICD, GICR */
		map_pages(QEMU_UART, QEMU_UART, PAGE_4K);				/* PL011 only */
		s2_low[QEMU_UART / BLOCK_2M] = (u64)s2_pages | 3;
	} else {
		/* The K3 GIC windows sit in one 2 MiB block; remap them page by page. */
		map_pages(board->gicd, QEMU_GICD, 0x10000);
		map_pages(board->gicr, QEMU_GICR, 0x20000);
		s2_low[board->gicd / BLOCK_2M] = (u64)s2_pages | 3;
	}
	s2_comm[0] = COMM_PA | S2_BLOCK | S2_NORMAL;
	s2_level1[0] = (u64)s2_low | 3;
	s2_level1[2] = (u64)s2_comm | 3;
	dsb_ish();
	write_sysreg(vtcr_el2, VTCR_VALUE);
	write_sysreg(vttbr_el2, (u64)s2_level1);
	write_sysreg(hcr_el2, HCR_VM | HCR_TWI | HCR_TSC | HCR_RW);
	isb();
}

/* What the root cell's Linux leaves behind on a real board. */
static void setup_gic(void)
{
	write_sysreg(S3_4_C12_C9_5, 0xf);	/* ICC_SRE_EL2: SRE, Enable for EL1 */
	isb();
	mmio_write32(GICD_CTLR, (1U << 4) | (1U << 1));
	mmio_write32(GICR0 + 0x14, 0);
	while (mmio_read32(GICR0 + 0x14) & 4)
		;
	mmio_write32(GICR0 + 0x10000 + 0x80, 0xffffffff);
	write_sysreg(cnthctl_el2, 3);
	write_sysreg(cntvoff_el2, 0);
}

static long psci(struct frame *f)
{
	u64 own = cpu_mpidr() & 0xff00ffffffUL;

	switch (f->x[0]) {
	case PSCI_VERSION:
		return 0x10001;
	case PSCI_CPU_ON_64:
		return (f->x[1] & 0xff00ffffffUL) == own ? -4 : -3;
	case PSCI_AFFINITY_INFO_64:
		return (f->x[1] & 0xff00ffffffUL) == own ? 0 : -3;
	case PSCI_CPU_OFF:
		stop_cell("CPU_OFF from the cell, MPIDR", own);
		return 0;
	default:
		return -1;
	}
}

/* SMC from the cell, sorted by owner (function ID bits 29:24) as Jailhouse does. */
static void smc(struct frame *f, u64 esr)
{
	u32 function = (u32)f->x[0];
	unsigned int owner = (function >> 24) & 0x3f;
	long ret;

	stats[owner == 4 ? STAT_PSCI : STAT_SMCCC]++;
	switch (owner) {
	case 0:		/* Arm architecture */
		if (function == 0x80000000U) {
			ret = 0x10001;		/* SMCCC_VERSION 1.1 */
		} else if (function == 0x80000001U) {
			ret = f->x[1] == 0x80000001U ? 0 : -1;	/* SMCCC_ARCH_FEATURES */
		} else {
			printk("cellsim: unhandled SMC arch trap 0x%x\n", function);
			fault_stop(f, esr);
		}
		break;
	case 2:		/* SiP */
		ret = -1;
		break;
	case 4:		/* standard: PSCI */
		ret = psci(f);
		break;
	default:
		printk("cellsim: unhandled SMC 0x%x (owner %u)\n", function, owner);
		fault_stop(f, esr);
	}
	f->x[0] = (u64)ret;
	write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
}

static long cpu_get_info(u64 cpu, u64 type)
{
	if (cpu != CELL_CPU)
		return -EPERM;
	if (type == 0)
		return 0;		/* JAILHOUSE_CPU_RUNNING */
	if (type >= 1000 && type < 1000 + STATS)
		return (long)(stats[type - 1000] & 0x7fffffff);
	return -EINVAL;
}

static long hypercall(struct frame *f)
{
	char c = (char)f->x[1];

	switch (f->x[0]) {
	case JAILHOUSE_HC_DISABLE:
	case JAILHOUSE_HC_CELL_CREATE:
	case JAILHOUSE_HC_CELL_START:
	case JAILHOUSE_HC_CELL_SET_LOADABLE:
	case JAILHOUSE_HC_CELL_DESTROY:
	case JAILHOUSE_HC_CELL_GET_STATE:
		return -EPERM;		/* only the root cell may */
	case JAILHOUSE_HC_HYPERVISOR_GET_INFO:
		return f->x[1] < ARRAY_SIZE(hypervisor_info) ? hypervisor_info[f->x[1]] : -EINVAL;
	case JAILHOUSE_HC_CPU_GET_INFO:
		return cpu_get_info(f->x[1], f->x[2]);
	case JAILHOUSE_HC_DEBUG_CONSOLE_PUTC:
		if (!(((volatile struct comm_region *)COMM_PA)->flags & COMM_FLAG_DBG_PUTC_PERMITTED))
			return -EPERM;
		break;
	default:
		return -ENOSYS;
	}
	/* Collect debug-console characters; print them a line at a time. */
	if (c == '\r')
		return 0;
	if (c != '\n' && console_len < sizeof(console_line) - 1) {
		console_line[console_len++] = c;
		return 0;
	}
	console_line[console_len] = '\0';
	printk("cellsim: debug console: %s\n", console_line);
	console_len = 0;
	return 0;
}

/* One byte to QEMU's PL011 as it is (the inmate sends its own \r). */
static void console_putc_raw(char c)
{
	while (mmio_read32(QEMU_UART + 0x18) & 0x20)
		;
	mmio_write32(QEMU_UART, (u8)c);
}

/* The 8250 of the K3 builds: transmit goes to QEMU's PL011, always idle. */
static bool emulate_8250(struct frame *f, u64 offset, bool write, unsigned int reg)
{
	u64 value = write && reg != 31 ? f->x[reg] : 0;

	if (!write) {
		if (reg != 31)
			f->x[reg] = offset == UART_LSR ? LSR_IDLE : offset == UART_LCR ? uart_lcr : 0;
		return true;
	}
	if (offset == UART_LCR) {
		if ((uart_lcr & 0x80) && !(value & 0x80))
			printk("cellsim: 8250 divisor latch set to 0x%x, LCR 0x%lx\n", uart_dll, value);
		uart_lcr = (u32)value;
	} else if (offset == UART_THR) {
		if (uart_lcr & 0x80)
			uart_dll = (u32)value;
		else
			console_putc_raw((char)value);
	}
	return true;
}

static void data_abort(struct frame *f, u64 esr)
{
	u64 ipa = (read_sysreg(hpfar_el2) >> 4) << 12 | (read_sysreg(far_el2) & 0xfff);
	unsigned int width = 1U << ((esr >> 22) & 3);
	unsigned int reg = (esr >> 16) & 0x1f;
	bool write = esr & (1UL << 6);

	if ((esr & (1UL << 24)) && board->uart_8250 && ipa >= board->uart_8250 &&
	    ipa < board->uart_8250 + 0x100 && width == 4 &&
	    emulate_8250(f, ipa - board->uart_8250, write, reg)) {
		write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
		return;
	}
	/* An empty virtual PCI bus: config reads return all ones, writes vanish. */
	if ((esr & (1UL << 24)) && ipa >= board->ecam && ipa < board->ecam + 0x100000) {
		if (!write && reg != 31)
			f->x[reg] = width == 8 ? ~0UL : (1UL << (8 * width)) - 1;
		write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
		return;
	}
	printk("cellsim: unhandled data %s at 0x%lx(%u), ELR 0x%lx\n", write ? "write" : "read",
	       ipa, width, read_sysreg(elr_el2));
	fault_stop(f, esr);
}

static void wfi_trap(void)
{
	bool irqs_masked = read_sysreg(spsr_el2) & (1UL << 7);
	bool timer_on = read_sysreg(cntv_ctl_el0) & 1;

	/* Nothing can wake this CPU again: the inmate has halted. */
	if (irqs_masked && !timer_on)
		stop_cell("cell CPU halted at", read_sysreg(elr_el2));
	wfi();
	write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
}

void handle_trap(struct frame *f)
{
	u64 esr = read_sysreg(esr_el2);

	stats[STAT_TOTAL]++;
	switch (esr >> 26) {
	case EC_WFX:
		wfi_trap();
		break;
	case EC_HVC64:
		if ((esr & 0xffff) != 0x4a48) {
			printk("cellsim: forbidden hvc, immediate 0x%lx\n", esr & 0xffff);
			fault_stop(f, esr);
		}
		stats[STAT_HYPERCALL]++;
		f->x[0] = (u64)hypercall(f);
		break;
	case EC_SMC64:
		smc(f, esr);
		break;
	case EC_DABT_LOW:
		stats[STAT_MMIO]++;
		data_abort(f, esr);
		break;
	default:
		printk("cellsim: unhandled trap, ESR 0x%lx\n", esr);
		fault_stop(f, esr);
	}
}

void cellsim_unexpected(u64 esr, u64 vector, u64 elr)
{
	printk("cellsim: exception at EL2, vector +0x%lx, ESR 0x%lx, ELR 0x%lx\n", vector, esr, elr);
	host_power_off();
}

void enter_cell(void) __attribute__((noreturn));

void cellsim_main(void)
{
	u32 board_id = *(volatile u32 *)(COMM_PA + 0x800);

	if (board_id >= ARRAY_SIZE(boards)) {
		printk("cellsim: board id %u at 0x%lx, expected 0..%u\n", board_id,
		       COMM_PA + 0x800, (unsigned int)ARRAY_SIZE(boards) - 1);
		host_power_off();
	}
	board = &boards[board_id];
	printk("cellsim: starting the %s cell at IPA 0 (PA 0x%lx)\n", board->name, CELL_RAM_PA);
	setup_gic();
	setup_stage2();
	enter_cell();
}

/* The library's start-up is not linked; these keep console.c and mmu.c happy. */
void halt(void)
{
	host_power_off();
}

void inmate_exit(void)
{
	host_power_off();
}
