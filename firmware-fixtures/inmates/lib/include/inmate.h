/*
 * Warden inmate library: what every inmate can call.
 *
 * The board header (boards/<board>.h, included on the compiler command line)
 * says where the UART, the GIC and the PCI config space are, and whether the
 * image runs inside a Jailhouse cell or stands alone on QEMU virt.
 */
#ifndef INMATE_H
#define INMATE_H

#include "types.h"
#include "mmio.h"
#include "sysregs.h"

#define UART_TYPE_8250	1
#define UART_TYPE_PL011	2

/* Memory layout (see README.md): image at the load base, parameters at +0x1000. */
#define PARAMS_OFFSET		0x1000
#define PARAMS_SIZE		0x1000
extern u8 __load_base[];
extern u8 __params[];

/* Jailhouse maps the communication region here in every arm64 demo cell. */
#define COMM_REGION_BASE	0x80000000UL

/* Provided by each inmate. */
void inmate_main(void);

/* Standalone demos stop after BOARD_DEMO_ROUNDS rounds; 0 (in cells) means forever. */
static inline bool demo_keeps_running(unsigned int rounds_done)
{
	const unsigned int limit = BOARD_DEMO_ROUNDS;

	return limit == 0 || rounds_done < limit;
}

/*
 * Text command line in the parameter block (lib/cmdline.c): `key=value`
 * tokens separated by blanks, integers decimal or 0x hex; a missing key
 * takes the fallback. Only for inmates whose block is text (README.md).
 */
bool cmdline_find(const char *key, const char **value, unsigned int *len);
u64 cmdline_u64(const char *key, u64 fallback);
const char *cmdline_string(const char *key, const char *fallback, char *buf, unsigned int size);

/* Start-up and end. */
void halt(void) __attribute__((noreturn));
void inmate_exit(void) __attribute__((noreturn));

/* Console and printf subset: %c %s %d %u %x %p %%, widths, '0' and '-' flags, l/ll. */
void console_putc(char c);
void console_puts(const char *s);
int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* String helpers; GCC may also emit calls to these. */
void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

/* Stage-1 identity map with 2 MiB blocks. */
enum map_type { MAP_CACHED, MAP_DEVICE };
void map_range(u64 base, u64 size, enum map_type type);
void mmu_enable(void);

/* GICv3. */
#define TIMER_VIRT_IRQ	27
typedef void (*irq_handler_t)(u32 irq);
void gic_init(void);
void gic_enable_irq(u32 irq);
void irq_set_handler(irq_handler_t handler);

/* ARM generic timer, virtual view (CNTV_*). */
u64 timer_frequency(void);
u64 timer_ticks(void);
void timer_arm(u64 ticks);
void timer_stop(void);
u64 timer_ticks_to_ns(u64 ticks);
void timer_sleep_ticks(u64 ticks);
void timer_sleep_us(u64 us);

/* Jailhouse hypercalls: hvc #0x4a48, x0 = code, x1/x2 = arguments, result in x0. */
#define JAILHOUSE_HC_DISABLE			0
#define JAILHOUSE_HC_CELL_CREATE		1
#define JAILHOUSE_HC_CELL_START			2
#define JAILHOUSE_HC_CELL_SET_LOADABLE		3
#define JAILHOUSE_HC_CELL_DESTROY		4
#define JAILHOUSE_HC_HYPERVISOR_GET_INFO	5
#define JAILHOUSE_HC_CELL_GET_STATE		6
#define JAILHOUSE_HC_CPU_GET_INFO		7
#define JAILHOUSE_HC_DEBUG_CONSOLE_PUTC		8

static inline long jailhouse_call(u64 code, u64 arg1, u64 arg2)
{
	register u64 x0 asm("x0") = code;
	register u64 x1 asm("x1") = arg1;
	register u64 x2 asm("x2") = arg2;

	asm volatile("hvc #0x4a48" : "+r"(x0) : "r"(x1), "r"(x2) : "memory");
	return (long)x0;
}

/* PSCI: SMC inside a Jailhouse cell, HVC on QEMU virt without EL2. */
#define PSCI_VERSION		0x84000000UL
#define PSCI_CPU_OFF		0x84000002UL
#define PSCI_CPU_ON_64		0xc4000003UL
#define PSCI_AFFINITY_INFO_64	0xc4000004UL
#define PSCI_SYSTEM_OFF		0x84000008UL
long psci_call(u64 function, u64 arg1, u64 arg2, u64 arg3);
const char *psci_error_name(long code);

/* The part of Jailhouse's communication region (revision 2) the library reads. */
struct comm_region {
	char signature[6];
	u16 revision;
	volatile u32 cell_state;
	volatile u32 msg_to_cell;
	volatile u32 reply_from_cell;
	volatile u32 flags;
	u8 console[32];			/* the cell configuration's console */
	u64 pci_mmconfig_base;
	u8 gic_version;
	u8 padding[7];
	u64 gicd_base;
	u64 gicc_base;
	u64 gicr_base;
	u32 vpci_irq_base;		/* the cell's first virtual PCI INTx (an SPI number) */
} __attribute__((packed));
#define COMM_FLAG_DBG_PUTC_PERMITTED	0x1
#define COMM_FLAG_DBG_PUTC_ACTIVE	0x2
#define CELL_STATE_FAILED_COMM_REV	4

static inline struct comm_region *comm_region(void)
{
	return (struct comm_region *)COMM_REGION_BASE;
}

/* Called from the vector table (boot.S). */
void irq_dispatch(void);
void sync_exception(u64 esr, u64 elr, u64 far);
void unexpected_exception(u64 vector_offset);

#endif
