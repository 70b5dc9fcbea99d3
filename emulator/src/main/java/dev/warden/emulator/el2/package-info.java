/**
 * The board's exception level 2 as modeled guests meet it. The root-cell kernel is modeled, not
 * emulated, yet it must reach the hypervisor the way a real kernel does: it copies the firmware
 * image into the hypervisor's memory and branches to its entry on every CPU ({@link El2#enter}),
 * then traps with {@code hvc} ({@link El2#hvc}) and {@code smc}, and every access it makes goes
 * through whatever translation EL2 installed ({@link El2#memory}). The emulator knows nothing of
 * Jailhouse: the software behind a firmware image registers itself by the image's signature.
 */
package dev.warden.emulator.el2;
