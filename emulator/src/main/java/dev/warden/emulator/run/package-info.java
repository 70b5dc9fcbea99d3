/**
 * Running a bare-metal image without the hypervisor, the way {@code qemu-system-aarch64 -M virt
 * -kernel} does: {@link dev.warden.emulator.run.BareMetalMachine} (a QEMU-virt-like single-core
 * layout, deterministic virtual time), {@link dev.warden.emulator.run.ImageLoader} (ELF by program
 * headers, flat binaries at 0x40080000) and {@link dev.warden.emulator.run.TraceWriter} (the
 * whole-program oracle's per-instruction register trace). {@code warden run-image}, the oracle
 * tests and the benchmarks use it.
 */
package dev.warden.emulator.run;
