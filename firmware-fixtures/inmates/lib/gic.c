/*
 * GICv3 helpers: find this CPU's redistributor, enable SGIs/PPIs there and
 * SPIs in the distributor, acknowledge and end interrupts through the ICC_*
 * system registers. Inside a Jailhouse cell the root cell's Linux already
 * configured the distributor and the interrupt groups (Jailhouse's own inmate
 * library touches neither); standalone on QEMU nobody did, so we do it.
 */
#include "inmate.h"

#define GICD_CTLR		0x0000
#define  GICD_CTLR_ENABLE_G1	(1U << 1)
#define  GICD_CTLR_ARE		(1U << 4)
#define  GICD_CTLR_RWP		(1U << 31)
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100

#define GICR_FRAME_SIZE		0x20000
#define GICR_WAKER		0x0014
#define  WAKER_PROCESSOR_SLEEP	(1U << 1)
#define  WAKER_CHILDREN_ASLEEP	(1U << 2)
#define GICR_TYPER_LO		0x0008
#define  TYPER_LAST		(1U << 4)
#define GICR_TYPER_HI		0x000c
#define GICR_PIDR2		0xffe8
#define GICR_SGI_BASE		0x10000
#define GICR_IGROUPR0		(GICR_SGI_BASE + 0x0080)
#define GICR_ISENABLER0		(GICR_SGI_BASE + 0x0100)

#define SPURIOUS_FIRST		1020

static u64 redist;
static irq_handler_t irq_handler;

/* MPIDR affinity in GICR_TYPER[63:32] layout: Aff3.Aff2.Aff1.Aff0. */
static u32 mpidr_to_gic_affinity(u64 mpidr)
{
	return (u32)(((mpidr >> 8) & 0xff000000UL) | (mpidr & 0xffffffUL));
}

static u64 find_redistributor(void)
{
	u32 affinity = mpidr_to_gic_affinity(cpu_mpidr());
	u64 frame = BOARD_GICR_BASE;
	u32 typer_lo;

	/*
	 * Frame by frame: is it a GICv3 redistributor (PIDR2.ArchRev), then
	 * TYPER as two 32-bit words, low first. One trap each inside a cell,
	 * the same number Jailhouse's own inmates cost (vmexits_mmio).
	 */
	for (;; frame += GICR_FRAME_SIZE) {
		if (((mmio_read32(frame + GICR_PIDR2) >> 4) & 0xf) != 3)
			break;
		typer_lo = mmio_read32(frame + GICR_TYPER_LO);
		if (mmio_read32(frame + GICR_TYPER_HI) == affinity)
			return frame;
		if (typer_lo & TYPER_LAST)
			break;
	}
	printk("GIC: no redistributor for affinity 0x%08x\n", affinity);
	halt();
}

void gic_init(void)
{
	map_range(BOARD_GICD_BASE, 0x10000, MAP_DEVICE);
	map_range(BOARD_GICR_BASE, GICR_FRAME_SIZE, MAP_DEVICE);
	redist = find_redistributor();

	if (!BOARD_IN_CELL) {
		mmio_write32(BOARD_GICD_BASE + GICD_CTLR, GICD_CTLR_ARE | GICD_CTLR_ENABLE_G1);
		while (mmio_read32(BOARD_GICD_BASE + GICD_CTLR) & GICD_CTLR_RWP)
			;
		mmio_write32(redist + GICR_WAKER,
			     mmio_read32(redist + GICR_WAKER) & ~WAKER_PROCESSOR_SLEEP);
		while (mmio_read32(redist + GICR_WAKER) & WAKER_CHILDREN_ASLEEP)
			;
		mmio_write32(redist + GICR_IGROUPR0, 0xffffffff);
	}

	write_sysreg(ICC_SRE_EL1, read_sysreg(ICC_SRE_EL1) | 1);
	isb();
	write_sysreg(ICC_CTLR_EL1, 0);
	write_sysreg(ICC_PMR_EL1, 0xf0);
	write_sysreg(ICC_IGRPEN1_EL1, 1);
	isb();
}

void gic_enable_irq(u32 irq)
{
	if (irq < 32) {
		mmio_write32(redist + GICR_ISENABLER0, 1U << irq);
		return;
	}
	if (!BOARD_IN_CELL) {
		u64 group = BOARD_GICD_BASE + GICD_IGROUPR + (irq / 32) * 4;

		mmio_write32(group, mmio_read32(group) | (1U << (irq % 32)));
	}
	mmio_write32(BOARD_GICD_BASE + GICD_ISENABLER + (irq / 32) * 4, 1U << (irq % 32));
}

void irq_set_handler(irq_handler_t handler)
{
	irq_handler = handler;
}

void irq_dispatch(void)
{
	u32 irq = (u32)read_sysreg(ICC_IAR1_EL1) & 0xffffff;

	if (irq >= SPURIOUS_FIRST && irq <= 1023)
		return;
	if (irq_handler)
		irq_handler(irq);
	write_sysreg(ICC_EOIR1_EL1, irq);
}
