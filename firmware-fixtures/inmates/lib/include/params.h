/*
 * Binary parameter blocks, loaded at load base + 0x1000 (PARAMS_OFFSET), all
 * fields little-endian and naturally aligned. See README.md.
 */
#ifndef INMATE_PARAMS_H
#define INMATE_PARAMS_H

#include "types.h"

/* mmio-probe: "PRB1", count, then count 24-byte entries. */
#define PROBE_MAGIC		0x31425250U
#define PROBE_OP_WRITE		0x10
#define PROBE_OP_WIDTH_MASK	0x0f
#define PROBE_OP_EXEC		0x20	/* branch to address (mapped cached, executable) */
#define PROBE_OP_HVC0		0x21	/* hvc #0: what PSCI over HVC would do in a cell */

struct probe_entry {
	u32 op;		/* width in bytes (1, 2, 4, 8), | 0x10 for a write; or 0x20 exec, 0x21 hvc #0 */
	u32 reserved;	/* 0 */
	u64 address;
	u64 value;	/* written value; ignored for reads */
};

struct probe_params {
	u32 magic;
	u32 count;
	struct probe_entry entries[];
};

#define PROBE_MAX_ENTRIES	((0x1000 - 8) / sizeof(struct probe_entry))

/* psci-cpu-on: "PSC1", count, then count 8-byte target MPIDRs. */
#define PSCI_PARAMS_MAGIC	0x31435350U

struct psci_params {
	u32 magic;
	u32 count;
	u64 mpidr[];
};

#define PSCI_MAX_TARGETS	((0x1000 - 8) / sizeof(u64))

#endif
