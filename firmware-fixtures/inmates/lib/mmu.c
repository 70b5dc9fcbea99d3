/*
 * Stage-1 identity map, Jailhouse inmate style: TCR_EL1.T0SZ = 25 (39-bit
 * VA, walk starts at level 1), 4 KiB granule, level-2 tables of 2 MiB block
 * descriptors. MAIR attr0 = normal write-back, attr1 = Device-nGnRnE.
 */
#include "inmate.h"

#define BLOCK_SHIFT	21
#define BLOCK_SIZE	(1UL << BLOCK_SHIFT)
#define L1_SHIFT	30
#define ENTRIES		512
#define L2_TABLES	7	/* one per GiB region touched; fits the 64 KiB cell RAM */

#define DESC_VALID	(1UL << 0)
#define DESC_TABLE	(3UL << 0)
#define DESC_BLOCK	(1UL << 0)
#define DESC_ATTR(i)	((u64)(i) << 2)
#define DESC_SH_INNER	(3UL << 8)
#define DESC_AF		(1UL << 10)

#define MAIR_VALUE	0x00ffUL	/* attr0 0xff, attr1 0x00 */
#define TCR_VALUE	(25UL |			/* T0SZ */ \
			 (1UL << 8) |		/* IRGN0 write-back */ \
			 (1UL << 10) |		/* ORGN0 write-back */ \
			 (3UL << 12) |		/* SH0 inner shareable */ \
			 (1UL << 23) |		/* EPD1: no TTBR1 walks */ \
			 (2UL << 32))		/* IPS 40 bits */
#define SCTLR_M		(1UL << 0)
#define SCTLR_C		(1UL << 2)
#define SCTLR_I		(1UL << 12)

/* In their own section so the linker packs them without alignment gaps. */
static u64 level1[ENTRIES] __attribute__((aligned(4096), section(".bss.pagetables")));
static u64 level2[L2_TABLES][ENTRIES] __attribute__((aligned(4096), section(".bss.pagetables")));
static unsigned int level2_used;

static u64 *level2_for(u64 addr)
{
	u64 *slot = &level1[(addr >> L1_SHIFT) % ENTRIES];

	if (!(*slot & DESC_VALID)) {
		if (level2_used == L2_TABLES) {
			printk("map_range: out of level-2 tables mapping %p\n", (void *)addr);
			halt();
		}
		*slot = (u64)level2[level2_used++] | DESC_TABLE;
	}
	return (u64 *)(*slot & ~0xfffUL);
}

void map_range(u64 base, u64 size, enum map_type type)
{
	u64 addr = base & ~(BLOCK_SIZE - 1);
	u64 end = base + (size ? size : 1);

	for (; addr < end; addr += BLOCK_SIZE) {
		u64 *entry = &level2_for(addr)[(addr >> BLOCK_SHIFT) % ENTRIES];

		/* Keep an existing mapping: the image's own block must stay cached. */
		if (*entry & DESC_VALID)
			continue;
		*entry = addr | DESC_BLOCK | DESC_AF | DESC_SH_INNER |
			 DESC_ATTR(type == MAP_CACHED ? 0 : 1);
	}
	/* Only invalid entries were filled in, so a barrier is enough (no TLB flush). */
	dsb_ish();
	isb();
}

void mmu_enable(void)
{
	write_sysreg(mair_el1, MAIR_VALUE);
	write_sysreg(tcr_el1, TCR_VALUE);
	write_sysreg(ttbr0_el1, (u64)level1);
	isb();
	write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
	isb();
}
