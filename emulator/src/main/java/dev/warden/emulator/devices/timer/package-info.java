/**
 * The ARM generic timer of one core: the system counter derived from virtual time at the board's
 * frequency, and the EL1 physical and virtual timers (CNTP_*, CNTV_*) with their deadlines on the
 * board's {@link dev.warden.emulator.clock.Scheduler}, so WFI can jump straight to them.
 */
package dev.warden.emulator.devices.timer;
