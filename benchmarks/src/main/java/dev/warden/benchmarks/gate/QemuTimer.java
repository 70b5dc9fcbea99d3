package dev.warden.benchmarks.gate;

import dev.warden.benchmarks.BenchmarkPrograms;
import dev.warden.emulator.run.BareMetalMachine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * QEMU's speed on a benchmark program: qemu-system-aarch64 runs the same image (the machine shape
 * of run-image) once with the program's loop count at 1 and once with a large count; the
 * difference of the instruction counts over the difference of the times is its MIPS with the
 * process start-up taken out. Each image runs three times and the fastest time counts (on a
 * shared machine the fastest run is the one least disturbed). Instruction counts come from
 * Warden's own core, which the oracle tests hold to QEMU's instruction for instruction.
 */
public final class QemuTimer {

    static final String DEFAULT_QEMU = "/usr/bin/qemu-system-aarch64";
    private static final int RUNS = 3;

    private final String qemu;
    private final Path work;

    public QemuTimer(String qemu, Path work) {
        this.qemu = qemu;
        this.work = work;
    }

    /** The QEMU to use: {@code requested} ("none" for none, a path, or "auto" for the default), if it exists. */
    public static String find(String requested) {
        if ("none".equals(requested)) return null;
        String path = "auto".equals(requested) ? DEFAULT_QEMU : requested;
        return new File(path).canExecute() ? path : null;
    }

    /** Loop counts that make one QEMU run of each program last about half a second, well above its start-up. */
    static long iterations(String program) {
        switch (program) {
            case "int-loop": return 400_000_000;
            case "crc-loop": return 4_000;
            case "copy-loop": return 10_000;
            case "mmio-loop": return 10_000_000;
            default: throw new IllegalArgumentException("no QEMU loop count for " + program);
        }
    }

    /** Million instructions per second of a run of {@code instructions} that took {@code seconds} more than the start-up run. */
    static double mips(long instructions, double seconds, double startupSeconds) {
        double net = seconds - startupSeconds;
        if (net <= 0) throw new IllegalStateException(String.format("the long run (%.3f s) was not slower than the start-up run (%.3f s)", seconds, startupSeconds));
        return instructions / net / 1e6;
    }

    /** The smallest of {@code values}. */
    static double fastest(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    /** Instructions the program executes up to its SYSTEM_OFF with loop count {@code count}. */
    static long instructions(String program, long count) {
        // Every program is straight code around one loop nest: linear in the count.
        long one = run(program, 1), two = run(program, 2);
        return one + (two - one) * (count - 1);
    }

    private static long run(String program, long count) {
        BareMetalMachine m = BenchmarkPrograms.load(program, count, BenchmarkPrograms.INTERPRETED);
        BareMetalMachine.RunResult r = m.run(100_000_000);
        if (r.stop() != BareMetalMachine.Stop.SYSTEM_OFF) throw new IllegalStateException(program + " did not reach SYSTEM_OFF");
        return r.instructions();
    }

    /** QEMU's MIPS on {@code program}, from the fastest of three runs of each image. */
    public double measure(String program) throws IOException, InterruptedException {
        long count = iterations(program);
        Path startup = work.resolve(program + "-1.elf");
        Path full = work.resolve(program + "-" + count + ".elf");
        Files.write(startup, BenchmarkPrograms.imageWithCount(program, 1));
        Files.write(full, BenchmarkPrograms.imageWithCount(program, count));
        long instructions = instructions(program, count) - instructions(program, 1);
        double[] fullTimes = new double[RUNS], startupTimes = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            startupTimes[i] = time(startup);
            fullTimes[i] = time(full);
        }
        return mips(instructions, fastest(fullTimes), fastest(startupTimes));
    }

    private double time(Path image) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(qemu, "-M", "virt,gic-version=3", "-cpu", "cortex-a53", "-nographic", "-m", "128",
                "-kernel", image.toString()));
        Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long start = System.nanoTime();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(qemu + " did not finish " + image.getFileName() + " within 120 s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() != 0) throw new IOException(qemu + " exited with " + p.exitValue() + " on " + image.getFileName());
        return seconds;
    }
}
