/*
 * ivshmem-demo: finds the Jailhouse ivshmem device (110a:4106) on bus 0 of
 * the cell's virtual PCI, maps its registers and shared memory, sets its state
 * to ID + 1, then once a second rings the peer's doorbell and counts the
 * interrupts the peers send (the count also goes to word 0 of its output section).
 * Without a device (e.g. bare QEMU virt) it says so and ends.
 */
#include "inmate.h"

#define ECAM_SIZE		0x100000
#define PCI_CFG(dev, reg)	(BOARD_PCI_ECAM_BASE + ((u64)(dev) << 15) + (reg))
#define PCI_ID			0x00
#define PCI_COMMAND		0x04
#define  PCI_COMMAND_MEMORY	0x2
#define  PCI_COMMAND_MASTER	0x4
#define PCI_CLASS_REV		0x08
#define PCI_BAR0		0x10
#define PCI_CAP_PTR		0x34
#define PCI_CAP_VENDOR		0x09
#define IVSHMEM_ID		0x4106110aU
#define IVSHMEM_CLASS		0xff000000U

#define BAR0_ADDRESS		0xff000000UL
#define REG_ID			0x00
#define REG_MAX_PEERS		0x04
#define REG_INT_CTRL		0x08
#define REG_DOORBELL		0x0c
#define REG_STATE		0x10

static u64 registers;
static volatile u32 *output;
static u32 target;
static volatile unsigned int interrupts;
static u32 ivshmem_irq;

static u64 cfg_read64(unsigned int dev, unsigned int reg)
{
	return mmio_read32(PCI_CFG(dev, reg)) | ((u64)mmio_read32(PCI_CFG(dev, reg + 4)) << 32);
}

static unsigned int find_vendor_cap(unsigned int dev)
{
	unsigned int pos = mmio_read8(PCI_CFG(dev, PCI_CAP_PTR));

	while (pos) {
		if (mmio_read8(PCI_CFG(dev, pos)) == PCI_CAP_VENDOR)
			return pos;
		pos = mmio_read8(PCI_CFG(dev, pos + 1));
	}
	return 0;
}

static void on_irq(u32 irq)
{
	if (irq == TIMER_VIRT_IRQ) {
		printk("\nIVSHMEM: sending IRQ 0 to peer %u\n", target);
		mmio_write32(registers + REG_DOORBELL, target << 16);
		timer_arm(timer_frequency());
	} else if (irq == ivshmem_irq) {
		interrupts++;
		/* Publish the count in our output section, where the peers can read it. */
		output[0] = interrupts;
		printk("\nIVSHMEM: got interrupt 0 (#%u)\n", interrupts);
	} else {
		printk("IVSHMEM: unexpected IRQ %u\n", irq);
	}
}

void inmate_main(void)
{
	unsigned int dev, cap;
	u32 class_rev, id, max_peers;
	u64 shmem, state_size, rw_size, out_size, input;

	map_range(BOARD_PCI_ECAM_BASE, ECAM_SIZE, MAP_DEVICE);
	for (dev = 0; dev < 32; dev++)
		if (mmio_read32(PCI_CFG(dev, PCI_ID)) == IVSHMEM_ID)
			break;
	if (dev == 32) {
		printk("IVSHMEM: No PCI devices found .. nothing to do.\n");
		return;
	}
	printk("IVSHMEM: Found device at 00:%02x.0\n", dev);

	class_rev = mmio_read32(PCI_CFG(dev, PCI_CLASS_REV));
	if ((class_rev & 0xffffff00) != IVSHMEM_CLASS) {
		printk("IVSHMEM: class/revision %08x, not supported\n", class_rev);
		return;
	}
	cap = find_vendor_cap(dev);
	if (!cap) {
		printk("IVSHMEM ERROR: missing vendor capability\n");
		return;
	}

	mmio_write32(PCI_CFG(dev, PCI_BAR0), (u32)BAR0_ADDRESS);
	mmio_write16(PCI_CFG(dev, PCI_COMMAND), PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
	registers = BAR0_ADDRESS;
	map_range(registers, 0x1000, MAP_DEVICE);
	printk("IVSHMEM: bar0 is at %p\n", (void *)registers);

	id = mmio_read32(registers + REG_ID);
	max_peers = mmio_read32(registers + REG_MAX_PEERS);
	printk("IVSHMEM: ID is %u\n", id);
	printk("IVSHMEM: max. peers is %u\n", max_peers);

	state_size = mmio_read32(PCI_CFG(dev, cap + 0x04));
	rw_size = cfg_read64(dev, cap + 0x08);
	out_size = cfg_read64(dev, cap + 0x10);
	shmem = cfg_read64(dev, cap + 0x18);
	input = shmem + state_size + rw_size;
	map_range(shmem, state_size + rw_size + out_size * max_peers, MAP_CACHED);
	printk("IVSHMEM: state table is at %p\n", (void *)shmem);
	printk("IVSHMEM: R/W section is at %p\n", (void *)(shmem + state_size));
	printk("IVSHMEM: input sections start at %p\n", (void *)input);
	output = (volatile u32 *)(input + id * out_size);
	printk("IVSHMEM: output section is at %p\n", output);

	target = max_peers ? (id + 1) % max_peers : 0;
	/* Inside a cell, INTx of device N is SPI vpci_irq_base + N % 4, as the comm region says. */
	ivshmem_irq = BOARD_IN_CELL ? 32 + comm_region()->vpci_irq_base + (dev & 3) : BOARD_IVSHMEM_IRQ;
	irq_set_handler(on_irq);
	gic_init();
	gic_enable_irq(TIMER_VIRT_IRQ);
	if (ivshmem_irq)
		gic_enable_irq(ivshmem_irq);
	mmio_write32(registers + REG_INT_CTRL, 1);
	/* Our entry in the state table: non-zero says "up" to the peers. */
	mmio_write32(registers + REG_STATE, id + 1);
	output[0] = 0;
	printk("IVSHMEM: initialized device\n");

	timer_arm(timer_frequency());
	irq_enable();
	for (;;)
		wfi();
}
