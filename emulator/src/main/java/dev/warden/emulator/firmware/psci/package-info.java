/**
 * PSCI firmware for boards without a hypervisor in the way: the calls a kernel or a bare-metal
 * program makes by SMC or HVC (VERSION, CPU_ON, CPU_OFF, AFFINITY_INFO, MIGRATE_INFO_TYPE,
 * SYSTEM_OFF, SYSTEM_RESET, FEATURES). The board says which conduit reaches it and provides the
 * cores and the system power through {@link dev.warden.emulator.firmware.psci.PsciPlatform}.
 */
package dev.warden.emulator.firmware.psci;
