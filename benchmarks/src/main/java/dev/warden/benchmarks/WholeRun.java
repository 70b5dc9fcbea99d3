package dev.warden.benchmarks;

import dev.warden.emulator.run.BareMetalMachine;

import java.util.Locale;

/**
 * Runs each benchmark program to its end once and prints "name instructions seconds MIPS", the
 * figures qemu-ratio.sh sets against QEMU's time for the same images.
 * Usage: {@code java -cp benchmarks.jar dev.warden.benchmarks.WholeRun [program ...]}
 */
public final class WholeRun {

    private WholeRun() { }

    public static void main(String[] args) {
        String[] programs = args.length == 0 ? BenchmarkPrograms.NAMES : args;
        for (String program : programs) {
            // One short run first, so the JIT has compiled the interpreter before the timed run.
            BenchmarkPrograms.load(program, 2000).run(Long.MAX_VALUE);
            BareMetalMachine machine = BenchmarkPrograms.load(program);
            long start = System.nanoTime();
            BareMetalMachine.RunResult result = machine.run(Long.MAX_VALUE);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (result.stop() != BareMetalMachine.Stop.SYSTEM_OFF) {
                System.err.println(program + ": ended by " + result.stop() + ", not SYSTEM_OFF");
                System.exit(1);
            }
            System.out.printf(Locale.ROOT, "%s %d %.3f %.1f%n", program, result.instructions(), seconds,
                    result.instructions() / seconds / 1e6);
        }
    }
}
