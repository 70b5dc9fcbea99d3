/* System register access and the few barrier/hint instructions inmates use. */
#ifndef INMATE_SYSREGS_H
#define INMATE_SYSREGS_H

#include "types.h"

#define read_sysreg(name) ({ \
	u64 __v; \
	asm volatile("mrs %0, " #name : "=r"(__v) : : "memory"); \
	__v; })

#define write_sysreg(name, value) \
	asm volatile("msr " #name ", %0" : : "r"((u64)(value)) : "memory")

/* GICv3 CPU interface registers by encoding (older assemblers lack names). */
#define ICC_IAR1_EL1	S3_0_C12_C12_0
#define ICC_EOIR1_EL1	S3_0_C12_C12_1
#define ICC_PMR_EL1	S3_0_C4_C6_0
#define ICC_CTLR_EL1	S3_0_C12_C12_4
#define ICC_SRE_EL1	S3_0_C12_C12_5
#define ICC_IGRPEN1_EL1	S3_0_C12_C12_7

#define isb() asm volatile("isb" : : : "memory")
#define dsb_ish() asm volatile("dsb ish" : : : "memory")
#define wfi() asm volatile("wfi" : : : "memory")
#define irq_enable() asm volatile("msr daifclr, #2" : : : "memory")
#define irq_disable() asm volatile("msr daifset, #2" : : : "memory")

static inline u64 cpu_mpidr(void)
{
	return read_sysreg(mpidr_el1);
}

#endif
