/* PSCI calls: the conduit is SMC in a Jailhouse cell, HVC on bare QEMU virt. */
#include "inmate.h"

long psci_call(u64 function, u64 arg1, u64 arg2, u64 arg3)
{
	register u64 x0 asm("x0") = function;
	register u64 x1 asm("x1") = arg1;
	register u64 x2 asm("x2") = arg2;
	register u64 x3 asm("x3") = arg3;

	if (BOARD_IN_CELL)
		asm volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
	else
		asm volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
	return (long)x0;
}

const char *psci_error_name(long code)
{
	switch (code) {
	case 0: return "SUCCESS";
	case -1: return "NOT_SUPPORTED";
	case -2: return "INVALID_PARAMETERS";
	case -3: return "DENIED";
	case -4: return "ALREADY_ON";
	case -5: return "ON_PENDING";
	case -6: return "INTERNAL_FAILURE";
	case -7: return "NOT_PRESENT";
	case -8: return "DISABLED";
	case -9: return "INVALID_ADDRESS";
	default: return "unknown";
	}
}
