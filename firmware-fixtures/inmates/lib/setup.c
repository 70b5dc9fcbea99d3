/* C start-up: MMU, the Jailhouse comm-region handshake, main, and the end. */
#include "inmate.h"

extern u8 __image_end[];

static bool comm_region_valid(void)
{
	const struct comm_region *comm = comm_region();

	return memcmp(comm->signature, "JHCOMM", 6) == 0 && comm->revision == 2;
}

void c_entry(void)
{
	/* The image, its stacks and page tables live in the 2 MiB block of the load base. */
	map_range((u64)__load_base, (u64)(__image_end - __load_base), MAP_CACHED);
	if (BOARD_IN_CELL)
		map_range(COMM_REGION_BASE, 0x1000, MAP_CACHED);
	mmu_enable();

	if (BOARD_IN_CELL && !comm_region_valid()) {
		/* What Jailhouse's own library does: report the ABI mismatch, stop. */
		comm_region()->cell_state = CELL_STATE_FAILED_COMM_REV;
		halt();
	}

	inmate_main();
	inmate_exit();
}

void halt(void)
{
	irq_disable();
	for (;;)
		wfi();
}

void inmate_exit(void)
{
	/* Standalone on QEMU virt: power off so the run (and QEMU) ends. */
	if (!BOARD_IN_CELL)
		psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
	halt();
}

static const char *const exception_groups[] = {
	"current EL, SP_EL0", "current EL, SP_ELx", "lower EL, AArch64", "lower EL, AArch32",
};
static const char *const exception_kinds[] = { "synchronous", "IRQ", "FIQ", "SError" };

void sync_exception(u64 esr, u64 elr, u64 far)
{
	printk("EXCEPTION: synchronous, ESR 0x%08lx (EC 0x%02lx) ELR %p FAR %p\n",
	       esr, (esr >> 26) & 0x3f, (void *)elr, (void *)far);
	inmate_exit();
}

void unexpected_exception(u64 vector_offset)
{
	printk("EXCEPTION: unexpected %s exception from %s (vector +0x%03lx)\n",
	       exception_kinds[(vector_offset >> 7) & 3],
	       exception_groups[(vector_offset >> 9) & 3], vector_offset);
	inmate_exit();
}

/* A CPU started by PSCI CPU_ON; inmates that start CPUs provide their own. */
__attribute__((weak)) void secondary_c_entry(void)
{
	halt();
}
