/*
 * psci-cpu-on: asks PSCI to start each CPU listed (by MPIDR) in the parameter
 * block and prints the code PSCI returned. A CPU that does start prints a line
 * from its own stack, and the caller waits for that line (up to 100 ms of
 * timer time) before the next call. Inside a cell, asking for a CPU the cell
 * does not own must return DENIED (-3).
 */
#include "inmate.h"
#include "params.h"

extern u8 __secondary_entry[];

static volatile u64 secondary_started = ~0UL;

void secondary_c_entry(void)
{
	u64 mpidr = cpu_mpidr() & 0xff00ffffffUL;

	mmu_enable();
	printk("psci-cpu-on: CPU 0x%lx is up\n", mpidr);
	secondary_started = mpidr;
	dsb_ish();
	psci_call(PSCI_CPU_OFF, 0, 0, 0);
	halt();
}

static void wait_for_secondary(u64 mpidr)
{
	u64 deadline = timer_ticks() + timer_frequency() / 10;

	while (secondary_started != mpidr && timer_ticks() < deadline)
		;
	if (secondary_started != mpidr)
		printk("psci-cpu-on: CPU 0x%lx did not report within 100 ms\n", mpidr);
}

void inmate_main(void)
{
	const struct psci_params *params = (const void *)__params;
	long version = psci_call(PSCI_VERSION, 0, 0, 0);
	unsigned int i;

	printk("psci-cpu-on: running on CPU 0x%lx, PSCI version %ld.%ld\n",
	       cpu_mpidr() & 0xff00ffffffUL, (version >> 16) & 0xffff, version & 0xffff);
	if (params->magic != PSCI_PARAMS_MAGIC) {
		printk("psci-cpu-on: bad parameter block at offset 0x%x: magic 0x%08x, expected 0x%08x (\"PSC1\")\n",
		       PARAMS_OFFSET, params->magic, PSCI_PARAMS_MAGIC);
		return;
	}
	if (params->count > PSCI_MAX_TARGETS) {
		printk("psci-cpu-on: bad parameter block at offset 0x%x: count %u, expected at most %u\n",
		       PARAMS_OFFSET + 4, params->count, (unsigned int)PSCI_MAX_TARGETS);
		return;
	}

	for (i = 0; i < params->count; i++) {
		u64 target = params->mpidr[i];
		long ret;

		printk("psci-cpu-on: CPU_ON 0x%lx ...\n", target);
		ret = psci_call(PSCI_CPU_ON_64, target, (u64)__secondary_entry, target);
		printk("psci-cpu-on: CPU_ON 0x%lx returned %ld (%s)\n", target, ret,
		       psci_error_name(ret));
		if (ret == 0)
			wait_for_secondary(target);
	}
	printk("psci-cpu-on: done\n");
}
