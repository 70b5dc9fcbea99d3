/*
 * park-demo: one 32-bit access to an address the cell does not own. Jailhouse
 * must stop it: "Unhandled data read at ADDR(4)", a register dump, "Parking
 * CPU n", and the cell is failed. Command line (README.md):
 *
 *   addr=ADDRESS   the address (default 0x40000000, the root cell's RAM on
 *                  QEMU virt; MCU-domain space on the K3 boards)
 *   write=1        write instead of read (default 0)
 *   value=V        the 32-bit value written (default 0)
 *
 *   park-demo: reading 0x40000000 (not owned by this cell)
 *
 * The access is `ldr w1, [x19]` (or `str w1, [x19]`) with the address in x19,
 * so the hypervisor's data-abort syndrome names x1 (ISV 1, SAS word, SRT 1,
 * SF 0) and its register dump shows the address in x19. The address's 2 MiB
 * block is mapped as device memory in stage 1 first, so the access reaches
 * stage 2 (the hypervisor) rather than faulting in the inmate.
 *
 * Should the access come back (no hypervisor, or one that lets it through),
 * the demo says so and halts:
 *
 *   park-demo: read 0x9000fe0 returned 0x11 - NOT parked
 *   park-demo: write 0x40200000 = 0x5041524b returned - NOT parked
 */
#include "inmate.h"

#define DEFAULT_ADDR	0x40000000UL

static u32 read_through_x19(u64 addr)
{
	register u64 x19 asm("x19") = addr;
	register u64 x1 asm("x1");

	asm volatile("ldr %w0, [%1]" : "=r"(x1) : "r"(x19) : "memory");
	return (u32)x1;
}

static void write_through_x19(u64 addr, u32 value)
{
	register u64 x19 asm("x19") = addr;
	register u64 x1 asm("x1") = value;

	asm volatile("str %w0, [%1]" : : "r"(x1), "r"(x19) : "memory");
}

void inmate_main(void)
{
	u64 addr = cmdline_u64("addr", DEFAULT_ADDR);
	bool write = cmdline_u64("write", 0) != 0;
	u32 value = (u32)cmdline_u64("value", 0);

	printk("park-demo: %s 0x%lx (not owned by this cell)\n", write ? "writing" : "reading", addr);
	map_range(addr, 4, MAP_DEVICE);
	if (write) {
		write_through_x19(addr, value);
		printk("park-demo: write 0x%lx = 0x%x returned - NOT parked\n", addr, value);
	} else {
		u32 got = read_through_x19(addr);

		printk("park-demo: read 0x%lx returned 0x%x - NOT parked\n", addr, got);
	}
}
