package dev.warden.emulator.board;

import dev.warden.emulator.cpu.Cpu;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where each core stopped, for a run cut off at a bound (virtual time, instructions, or the
 * wall-clock watchdog): one line per core with its MPIDR, its state (executing, waiting in WFI,
 * halted, or running no emulated code), the PC, the exception level, whether interrupts are masked
 * and how many instructions it executed. A guest that never stops shows up as a core executing with
 * interrupts masked; one waiting for an event that never comes as a core in WFI.
 */
public final class CoreReport {
    private CoreReport() {
    }

    /** The line of one emulated core. */
    public static String line(int index, Cpu c) {
        String state = c.isWaitingForInterrupt() ? "waiting in WFI" : c.isHalted() ? "halted" : "executing";
        long daif = (c.pstate() >>> 6) & 0xf;
        String irqs = (daif & 0x2) != 0 ? "IRQs masked" : "IRQs unmasked";
        return String.format("core %d (MPIDR 0x%x): %s at pc 0x%016x, EL%d, DAIF 0x%x (%s), %d instructions",
                index, c.mpidr(), state, c.pc(), c.exceptionLevel(), daif, irqs, c.instructionCount());
    }

    /** Every core of the board: emulated ones in detail, the others as what runs there instead. */
    public static List<String> of(Board board) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < board.profile().cpus().size(); i++) {
            Optional<Cpu> core = board.cpus().core(i);
            if (core.isPresent()) {
                out.add(line(i, core.get()));
            } else {
                out.add(String.format("core %d (MPIDR 0x%x): no emulated code (a modeled guest such as the root-cell Linux, or off)",
                        i, board.profile().cpus().get(i).mpidr()));
            }
        }
        return out;
    }

    /** The report as text, indented for an error message. */
    public static String text(Board board) {
        return "where each core stopped at " + board.clock().now() + " ns of virtual time:\n  "
                + String.join("\n  ", of(board));
    }
}
