/*
 * mmio-probe: performs the accesses listed in the parameter block, in order,
 * and reports each one. The line naming the access is printed *before* it is
 * made, because a forbidden access parks the CPU and nothing after it runs.
 *
 *   probe: read32 0x02800000 ...
 *   probe: read32 0x02800000 = 0x00000060
 *   probe: write32 0x02800000 = 0x00000041 ...
 *   probe: write32 0x02800000 = 0x00000041 done
 *   probe: exec 0x00100000 ...
 *   probe: hvc #0 ...
 */
#include "inmate.h"
#include "params.h"

static u64 do_read(unsigned int width, u64 addr)
{
	switch (width) {
	case 1: return mmio_read8(addr);
	case 2: return mmio_read16(addr);
	case 4: return mmio_read32(addr);
	default: return mmio_read64(addr);
	}
}

static void do_write(unsigned int width, u64 addr, u64 value)
{
	switch (width) {
	case 1: mmio_write8(addr, (u8)value); break;
	case 2: mmio_write16(addr, (u16)value); break;
	case 4: mmio_write32(addr, (u32)value); break;
	default: mmio_write64(addr, value); break;
	}
}

static bool valid_op(u32 op)
{
	u32 width = op & PROBE_OP_WIDTH_MASK;

	return (op & ~(PROBE_OP_WRITE | PROBE_OP_WIDTH_MASK)) == 0 &&
	       (width == 1 || width == 2 || width == 4 || width == 8);
}

void inmate_main(void)
{
	const struct probe_params *params = (const void *)__params;
	unsigned int i;

	printk("mmio-probe: parameter block at %p\n", params);
	if (params->magic != PROBE_MAGIC) {
		printk("mmio-probe: bad parameter block at offset 0x%x: magic 0x%08x, expected 0x%08x (\"PRB1\")\n",
		       PARAMS_OFFSET, params->magic, PROBE_MAGIC);
		return;
	}
	if (params->count > PROBE_MAX_ENTRIES) {
		printk("mmio-probe: bad parameter block at offset 0x%x: count %u, expected at most %u\n",
		       PARAMS_OFFSET + 4, params->count, (unsigned int)PROBE_MAX_ENTRIES);
		return;
	}
	printk("mmio-probe: %u %s\n", params->count, params->count == 1 ? "access" : "accesses");

	for (i = 0; i < params->count; i++) {
		const struct probe_entry *e = &params->entries[i];
		unsigned int width = e->op & PROBE_OP_WIDTH_MASK;
		unsigned int bits = width * 8;
		unsigned int digits = width * 2;

		if (e->op == PROBE_OP_EXEC) {
			printk("probe: exec 0x%08lx ...\n", e->address);
			map_range(e->address, 4, MAP_CACHED);
			((void (*)(void))e->address)();
			printk("probe: exec 0x%08lx returned\n", e->address);
			continue;
		}
		if (e->op == PROBE_OP_HVC0) {
			printk("probe: hvc #0 ...\n");
			asm volatile("hvc #0" : : : "memory");
			printk("probe: hvc #0 returned\n");
			continue;
		}
		if (!valid_op(e->op)) {
			printk("mmio-probe: bad entry %u at offset 0x%x: op 0x%x, expected 0x01/0x02/0x04/0x08 (read), 0x11/0x12/0x14/0x18 (write), 0x20 (exec) or 0x21 (hvc #0)\n",
			       i, PARAMS_OFFSET + 8 + i * (unsigned int)sizeof(*e), e->op);
			return;
		}
		map_range(e->address, width, MAP_DEVICE);
		if (e->op & PROBE_OP_WRITE) {
			u64 value = width == 8 ? e->value : e->value & ((1UL << bits) - 1);

			printk("probe: write%u 0x%08lx = 0x%0*lx ...\n", bits, e->address, digits, value);
			do_write(width, e->address, value);
			printk("probe: write%u 0x%08lx = 0x%0*lx done\n", bits, e->address, digits, value);
		} else {
			printk("probe: read%u 0x%08lx ...\n", bits, e->address);
			printk("probe: read%u 0x%08lx = 0x%0*lx\n", bits, e->address, digits,
			       do_read(width, e->address));
		}
	}
	printk("mmio-probe: done\n");
}
