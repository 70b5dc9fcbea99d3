/*
 * hc-demo: what a non-root cell gets from Jailhouse's hypercall interface and
 * from SMCs the hypervisor does not forward, one line per call with the
 * result (x0) as a signed decimal:
 *
 *   hc-demo: hypercalls from a non-root cell, final=none
 *   hc-demo: CELL_CREATE(2141192192, 0) = -1
 *   ...
 *   hc-demo: HYPERVISOR_GET_INFO(0) = 994
 *   ...
 *   hc-demo: hvc #0x4a48 code 9 = -38
 *   hc-demo: smc 0x82000001 (SiP) = -1
 *   ...
 *   hc-demo: done, halting
 *
 * Hypercalls are `hvc #0x4a48` with x0 = code, x1/x2 = arguments; the SMCs
 * are `smc #0` with x0 = function ID and x1 = 0x12345 (x2, x3 = 0). Then, by
 * `final=` on the command line, one last call that Jailhouse does not let a
 * cell return from:
 *
 *   final=none      nothing (default)
 *   final=hvc       `hvc #0` with x0 = 0x1234: forbidden access (EC 0x16)
 *   final=smc-arch  `smc #0` with x0 = 0x80000099, x1-x3 = 0: unknown Arm
 *                   architecture call (EC 0x17)
 *   final=smc-oem   `smc #0` with x0 = 0x83000001, x1-x3 = 0: OEM service,
 *                   no handler (EC 0x17)
 *
 * If that call returns the demo prints
 * `hc-demo: smc 0x83000001 returned -1 - NOT trapped` and goes on.
 * The cell's CPU is CPU 1 in the inmate-demo cell of every board Warden has.
 */
#include "inmate.h"

#define CELL_CPU	1
#define STAT_HYPERCALL	1003	/* CPU_GET_INFO type 1000 + n: statistic n, 3 = hypercalls */
#define SMC_ARG		0x12345UL

struct hypercall {
	u64 code, arg1, arg2;
	const char *name;	/* NULL: an unknown code, printed as `code` */
	const char *code_text;
	bool one_arg;
};

static const struct hypercall hypercalls[] = {
	{ JAILHOUSE_HC_CELL_CREATE, 2141192192UL, 0, "CELL_CREATE", NULL, false },
	{ JAILHOUSE_HC_CELL_START, 1, 0, "CELL_START", NULL, false },
	{ JAILHOUSE_HC_CELL_SET_LOADABLE, 1, 0, "CELL_SET_LOADABLE", NULL, false },
	{ JAILHOUSE_HC_CELL_DESTROY, 1, 0, "CELL_DESTROY", NULL, false },
	{ JAILHOUSE_HC_CELL_DESTROY, 0, 0, "CELL_DESTROY", NULL, false },
	{ JAILHOUSE_HC_DISABLE, 0, 0, "DISABLE", NULL, false },
	{ JAILHOUSE_HC_HYPERVISOR_GET_INFO, 0, 0, "HYPERVISOR_GET_INFO", NULL, true },
	{ JAILHOUSE_HC_HYPERVISOR_GET_INFO, 1, 0, "HYPERVISOR_GET_INFO", NULL, true },
	{ JAILHOUSE_HC_HYPERVISOR_GET_INFO, 2, 0, "HYPERVISOR_GET_INFO", NULL, true },
	{ JAILHOUSE_HC_HYPERVISOR_GET_INFO, 3, 0, "HYPERVISOR_GET_INFO", NULL, true },
	{ JAILHOUSE_HC_HYPERVISOR_GET_INFO, 4, 0, "HYPERVISOR_GET_INFO", NULL, true },
	{ JAILHOUSE_HC_HYPERVISOR_GET_INFO, 5, 0, "HYPERVISOR_GET_INFO", NULL, true },
	{ JAILHOUSE_HC_CELL_GET_STATE, 0, 0, "CELL_GET_STATE", NULL, false },
	{ JAILHOUSE_HC_CELL_GET_STATE, 1, 0, "CELL_GET_STATE", NULL, false },
	{ JAILHOUSE_HC_CPU_GET_INFO, CELL_CPU, 0, "CPU_GET_INFO", NULL, false },
	{ JAILHOUSE_HC_CPU_GET_INFO, CELL_CPU, STAT_HYPERCALL, "CPU_GET_INFO", NULL, false },
	{ JAILHOUSE_HC_CPU_GET_INFO, 0, 0, "CPU_GET_INFO", NULL, false },
	{ JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, 'X', 0, "DEBUG_CONSOLE_PUTC", NULL, false },
	{ 9, 0, 0, NULL, "9", false },
	{ 0x1234, 0, 0, NULL, "0x1234", false },
};

struct smc {
	u64 function;
	const char *what;
	bool show_arg;
};

static const struct smc smcs[] = {
	{ 0x82000001UL, "SiP", false },
	{ 0xc2000001UL, "SiP, SMC64", false },
	{ 0x84000099UL, "standard/PSCI", false },
	{ 0x80000001UL, "SMCCC_ARCH_FEATURES", true },
};

static long smc_call(u64 function, u64 arg1)
{
	register u64 x0 asm("x0") = function;
	register u64 x1 asm("x1") = arg1;
	register u64 x2 asm("x2") = 0;
	register u64 x3 asm("x3") = 0;

	asm volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
	return (long)x0;
}

static long hvc0_call(u64 function)
{
	register u64 x0 asm("x0") = function;

	asm volatile("hvc #0" : "+r"(x0) : : "memory");
	return (long)x0;
}

static bool streq(const char *a, const char *b)
{
	size_t n = strlen(a);

	return n == strlen(b) && memcmp(a, b, n) == 0;
}

static void final_call(const char *final)
{
	long ret;

	if (streq(final, "none"))
		return;
	if (streq(final, "hvc")) {
		printk("hc-demo: now hvc #0 with x0=0x1234\n");
		ret = hvc0_call(0x1234);
		printk("hc-demo: hvc #0 returned %ld - NOT trapped\n", ret);
	} else if (streq(final, "smc-arch")) {
		printk("hc-demo: now smc 0x80000099 (Arm arch, unknown)\n");
		ret = smc_call(0x80000099UL, 0);
		printk("hc-demo: smc 0x80000099 returned %ld - NOT trapped\n", ret);
	} else if (streq(final, "smc-oem")) {
		printk("hc-demo: now smc 0x83000001 (OEM)\n");
		ret = smc_call(0x83000001UL, 0);
		printk("hc-demo: smc 0x83000001 returned %ld - NOT trapped\n", ret);
	} else {
		printk("hc-demo: unknown final=%s, expected none, hvc, smc-arch or smc-oem\n", final);
	}
}

void inmate_main(void)
{
	char final[32];
	unsigned int i;

	cmdline_string("final", "none", final, sizeof(final));
	printk("hc-demo: hypercalls from a non-root cell, final=%s\n", final);

	for (i = 0; i < ARRAY_SIZE(hypercalls); i++) {
		const struct hypercall *hc = &hypercalls[i];
		long ret = jailhouse_call(hc->code, hc->arg1, hc->arg2);

		if (!hc->name)
			printk("hc-demo: hvc #0x4a48 code %s = %ld\n", hc->code_text, ret);
		else if (hc->one_arg)
			printk("hc-demo: %s(%lu) = %ld\n", hc->name, hc->arg1, ret);
		else
			printk("hc-demo: %s(%lu, %lu) = %ld\n", hc->name, hc->arg1, hc->arg2, ret);
	}
	for (i = 0; i < ARRAY_SIZE(smcs); i++) {
		const struct smc *s = &smcs[i];
		long ret = smc_call(s->function, SMC_ARG);

		if (s->show_arg)
			printk("hc-demo: smc 0x%lx (%s) arg 0x%lx = %ld\n", s->function, s->what, SMC_ARG, ret);
		else
			printk("hc-demo: smc 0x%lx (%s) = %ld\n", s->function, s->what, ret);
	}

	final_call(final);
	printk("hc-demo: done, halting\n");
}
