/**
 * GICv3 as QEMU's virt board has it (single security state, affinity routing): the distributor
 * and redistributor register frames as {@link dev.warden.emulator.bus.MmioDevice}s, and one CPU
 * interface per core as a {@link dev.warden.emulator.cpu.SysregDevice} (ICC_* registers: groups,
 * enables, priority mask, IAR/EOIR/DIR, running priority, SGIs through ICC_SGI1R_EL1). Devices
 * raise interrupts with {@link dev.warden.emulator.devices.gic.GicV3#setSpi} and
 * {@link dev.warden.emulator.devices.gic.GicV3#setPpi}; each CPU interface drives its core's IRQ
 * line. LPIs/ITS, group 0 as FIQ and binary-point preemption groups are not modeled.
 */
package dev.warden.emulator.devices.gic;
