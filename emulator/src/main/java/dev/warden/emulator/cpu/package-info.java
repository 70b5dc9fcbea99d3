/**
 * The AArch64 core: EL0/EL1 A64 integer instructions over pre-decoded 4 KiB pages, PSTATE and the
 * EL1 system registers, synchronous exceptions and IRQs through VBAR_EL1, ERET, and the stage-1
 * MMU (4 KiB granule, block and page descriptors) with software TLBs.
 *
 * <h2>How the core talks to the outside</h2>
 * <ul>
 *   <li>{@link dev.warden.emulator.cpu.MemoryPort}: every access after stage 1. Its fast path
 *       ({@code window}) hands out the RAM behind a 4 KiB page, which the core caches in its TLBs
 *       until {@link dev.warden.emulator.cpu.Cpu#flushTlb()}; everything else goes through
 *       {@code access(DataAccess)}. A plain board uses {@link dev.warden.emulator.cpu.PhysicalBusPort};
 *       a hypervisor puts its stage-2 translation and MMIO dispatch here. A port that changes what
 *       it hands out (a stage-2 map changed) must make the core flush its TLB.</li>
 *   <li>{@link dev.warden.emulator.cpu.TrapHandler}: {@code hvc}, {@code smc}, {@code wfi} with
 *       nothing pending, a data access nothing answered ({@code dataAbort}, with address, size,
 *       direction, register number, value and sign extension in
 *       {@link dev.warden.emulator.cpu.DataAccess}), and system registers nobody implements. Each
 *       returns an {@link dev.warden.emulator.cpu.Outcome}: resume, resume and leave
 *       {@code run}, stop on the instruction (park), undefined instruction, or external abort.</li>
 *   <li>{@link dev.warden.emulator.cpu.SysregDevice}: system registers that live in devices (GIC
 *       CPU interface ICC_*, generic timer CNT*), named by {@link dev.warden.emulator.cpu.SysReg} keys.</li>
 *   <li>The IRQ input {@link dev.warden.emulator.cpu.Cpu#setIrqLine(boolean)}, driven by the GIC.</li>
 * </ul>
 *
 * <h2>Time</h2>
 * The core counts instructions ({@link dev.warden.emulator.cpu.Cpu#instructionCount()}); it never
 * reads a clock. The board advances virtual time by the count {@code run} returns (one instruction
 * is one nanosecond, like QEMU's {@code -icount shift=0}), and a device that must see the exact
 * time mid-run computes it from the count. A device write that moves a deadline returns
 * {@link dev.warden.emulator.cpu.Outcome#RESUME_AND_EXIT} so the board can reschedule.
 *
 * <h2>Decoded code</h2>
 * Pages are decoded once into {@code Op} arrays held in a {@link dev.warden.emulator.cpu.CodeCache}
 * keyed by the RAM backing store; the core's own stores re-decode the words they overwrite.
 * Writers outside the cores (image loaders) call {@link dev.warden.emulator.cpu.CodeCache#invalidateAll()}.
 *
 * <h2>Translated code</h2>
 * Where the interpreter has started often enough at one instruction ({@code setTranslationThreshold}),
 * the code from there is compiled to a JVM class ({@code Translator}, {@code Region},
 * {@code RegionCompiler}): the basic blocks of that page reachable through direct branches, guest
 * registers in JVM locals, lazy flags, branches inside the region as jumps. Each decoded page keeps
 * an entry table indexed by the PC's word ({@code CodePage}); the run loop enters translated code
 * there, and falls back to the interpreter for everything else. Every block checks the instruction
 * budget for all of it before it starts, and an access that misses the TLB runs through the
 * interpreter's own code, so runs end, trap and take interrupts on the same instruction as the
 * interpreter. A store to a translated word drops the translations that cover it; dropping the code
 * cache drops them all. {@code warden.translate=false} (or {@code setTranslation(false)}) keeps the
 * interpreter alone, the reference.
 *
 * <h2>Not modeled</h2>
 * EL2/EL3, AArch32, SIMD and floating point (undefined), LSE atomics, pointer authentication,
 * SP alignment checks, hierarchical table permissions (APTable/XNTable), caches (cache
 * maintenance instructions are accepted and do nothing), FIQ.
 */
package dev.warden.emulator.cpu;
