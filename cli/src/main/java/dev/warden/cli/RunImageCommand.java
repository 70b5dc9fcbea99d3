package dev.warden.cli;

import dev.warden.emulator.cpu.Cpu;
import dev.warden.emulator.cpu.Registers;
import dev.warden.emulator.run.BareMetalMachine;
import dev.warden.emulator.run.ConsoleScript;
import dev.warden.emulator.run.LinuxBoot;
import dev.warden.emulator.run.TraceWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warden run-image --board qemu-arm64-virt --kernel X.elf|X.bin}: runs a bare-metal image
 * without the hypervisor, as {@code qemu-system-aarch64 -M virt,gic-version=3 -cpu cortex-a53
 * -icount shift=0 -kernel X} does, prints its UART output and then how far it got.
 */
@Command(
    name = "run-image",
    mixinStandardHelpOptions = true,
    description = {
        "Run a bare-metal AArch64 image on an emulated board without the hypervisor, the way",
        "qemu-system-aarch64 -M virt -kernel does: an ELF by its program headers, a flat binary at",
        "0x40080000, EL1 start. PSCI SYSTEM_OFF ends the run. Prints the UART output, then the",
        "instructions executed, the virtual time and the speed.",
        "An arm64 Linux Image boots as QEMU's -kernel -dtb -initrd -append place it (--dtb required);",
        "--type-after and --until talk to it over the console.",
        "Exit status: 0 after SYSTEM_OFF, SYSTEM_RESET or the --until text; 1 when the instruction or",
        "virtual-time limit was reached or the core halted for good; 2 on input it cannot use (as every",
        "warden command)."})
public final class RunImageCommand implements Callable<Integer> {

    static final String QEMU_VIRT = "qemu-arm64-virt";
    /** Exit statuses: a run that did not end by itself, and input the command cannot use. */
    static final int DID_NOT_END = 1, BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--board", required = true, paramLabel = "BOARD", description = "Board to run on; supported: " + QEMU_VIRT + ".")
    String board;

    @Option(names = "--kernel", required = true, paramLabel = "IMAGE", description = "The image: ELF, or a flat binary.")
    Path kernel;

    @Option(names = "--dtb", paramLabel = "FILE",
            description = "Boot an arm64 Linux Image with this device tree, as QEMU's -dtb (needs an Image as --kernel).")
    Path dtb;

    @Option(names = "--initrd", paramLabel = "FILE", description = "The initramfs for a Linux Image, as QEMU's -initrd.")
    Path initrd;

    @Option(names = "--append", paramLabel = "CMDLINE", description = "The kernel command line, as QEMU's -append.")
    String append;

    @Option(names = "--memory", paramLabel = "MIB", defaultValue = "128",
            description = "RAM in MiB, as QEMU's -m (default: ${DEFAULT-VALUE}).")
    long memoryMib;

    @Option(names = "--no-nic", description = "No virtio-net on the PCIe bus, as QEMU's -nic none.")
    boolean noNic;

    @Option(names = "--type-after", paramLabel = "TEXT=>INPUT",
            description = {"When the console shows TEXT, type INPUT (\\r is Enter, \\n a line feed); repeatable, in order."})
    java.util.List<String> typeAfter = new java.util.ArrayList<>();

    @Option(names = "--until", paramLabel = "TEXT", description = "Stop the run when the console shows TEXT (after the --type-after steps).")
    String until;

    @Option(names = "--max-instructions", paramLabel = "N", defaultValue = "1000000000",
            description = "Stop after this many instructions (default: ${DEFAULT-VALUE}).")
    long maxInstructions;

    @Option(names = "--max-time", paramLabel = "DURATION", defaultValue = "10s",
            description = "Stop at this much virtual time, e.g. 500ms, 10s (default: ${DEFAULT-VALUE}): a guest that never "
                    + "stops ends there with a report of where its core stopped.")
    String maxTime;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Write the register file before every instruction, in the whole-program oracle's trace format.")
    Path trace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!QEMU_VIRT.equals(board)) {
            err.println("run-image: board '" + board + "' is not supported; supported: " + QEMU_VIRT);
            return BAD_INPUT;
        }
        if (maxInstructions <= 0) {
            err.println("run-image: --max-instructions must be positive, got " + maxInstructions);
            return BAD_INPUT;
        }
        long maxNanos;
        try {
            maxNanos = virtualDuration(maxTime);
        } catch (IllegalArgumentException e) {
            err.println("run-image: --max-time " + maxTime + ": " + e.getMessage());
            return BAD_INPUT;
        }
        byte[] image;
        try {
            image = Files.readAllBytes(kernel);
        } catch (IOException e) {
            err.println("run-image: cannot read " + kernel + " (" + e.getMessage() + ")");
            return BAD_INPUT;
        }
        if (memoryMib < 1 || memoryMib > 4096) {
            err.println("run-image: --memory must be 1..4096 MiB, got " + memoryMib);
            return BAD_INPUT;
        }
        BareMetalMachine machine = new BareMetalMachine(memoryMib << 20, !noNic);
        try {
            if (dtb != null || LinuxBoot.isArm64Image(image)) {
                bootLinux(machine, image, err);
            } else {
                if (initrd != null || append != null) throw new IllegalArgumentException("--initrd and --append need an arm64 Linux Image");
                machine.load(kernel.toString(), image);
            }
        } catch (IOException e) {
            err.println("run-image: cannot read " + e.getMessage());
            return BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("run-image: " + e.getMessage());
            return BAD_INPUT;
        }
        ConsoleScript script = new ConsoleScript(machine::type, machine::requestStop);
        for (String step : typeAfter) {
            int arrow = step.indexOf("=>");
            if (arrow < 0) {
                err.println("run-image: --type-after needs TEXT=>INPUT, got: " + step);
                return BAD_INPUT;
            }
            script.typeAfter(unescape(step.substring(0, arrow)), unescape(step.substring(arrow + 2)));
        }
        if (until != null) script.stopAt(unescape(until));
        machine.onUartByte(b -> {
            out.print((char) b);
            if (b == '\n') out.flush();
            script.onByte(b);
        });
        long start = System.nanoTime();
        BareMetalMachine.RunResult result;
        try {
            result = trace == null ? machine.run(maxInstructions, maxNanos, null) : runTraced(machine, maxNanos);
        } catch (UncheckedIOException e) {
            err.println("run-image: cannot write the trace to " + trace + " (" + e.getCause().getMessage() + ")");
            return BAD_INPUT;
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        out.flush();
        out.println();
        out.println(summary(result, seconds));
        Cpu cpu = machine.cpu();
        if (cpu.undefinedCount() > 0) {
            out.println(String.format(Locale.ROOT, "run-image: %d undefined-instruction exceptions; the first: encoding 0x%08x at 0x%016x",
                    cpu.undefinedCount(), cpu.firstUndefinedWord(), cpu.firstUndefinedPc()));
        }
        if (result.stop() != BareMetalMachine.Stop.SYSTEM_OFF && result.stop() != BareMetalMachine.Stop.SYSTEM_RESET
                && result.stop() != BareMetalMachine.Stop.REQUESTED) {
            out.println("run-image: where the core stopped: " + machine.coreReport());
            Registers regs = cpu.registers();
            out.println(String.format(Locale.ROOT, "run-image: pc 0x%016x pstate 0x%08x esr 0x%08x elr 0x%016x far 0x%016x",
                    regs.pc(), regs.pstate(), regs.esr(), regs.elr(), regs.far()));
        }
        out.flush();
        boolean reached = result.stop() == BareMetalMachine.Stop.REQUESTED;
        return result.stop() == BareMetalMachine.Stop.SYSTEM_OFF || result.stop() == BareMetalMachine.Stop.SYSTEM_RESET || reached ? 0 : DID_NOT_END;
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }

    /** QEMU's Linux boot: the Image, the tree (required), the initramfs and the command line. */
    private void bootLinux(BareMetalMachine machine, byte[] image, PrintWriter err) throws IOException {
        if (dtb == null) throw new IllegalArgumentException(kernel + " is an arm64 Linux Image: give its device tree with --dtb");
        byte[] tree = read(dtb);
        byte[] ramdisk = initrd == null ? null : read(initrd);
        machine.bootLinux(image, tree, ramdisk, append);
    }

    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + " (" + e.getMessage() + ")", e);
        }
    }

    /** A span of virtual time as written on the command line: 10s, 500ms, 20us, 1000ns (no unit: seconds). */
    static long virtualDuration(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,12})\\s*(ns|us|ms|s)?").matcher(text.trim());
        if (!m.matches()) throw new IllegalArgumentException("expected a virtual duration such as 500ms or 10s");
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            default -> 1_000_000_000L;
        };
        if (n <= 0) throw new IllegalArgumentException("must be positive");
        if (n > Long.MAX_VALUE / unit) throw new IllegalArgumentException("longer than 292 years of virtual time");
        return n * unit;
    }

    private BareMetalMachine.RunResult runTraced(BareMetalMachine machine, long maxNanos) {
        try (BufferedWriter w = Files.newBufferedWriter(trace, StandardCharsets.US_ASCII)) {
            TraceWriter writer = new TraceWriter(w, "warden run-image --board " + board + " --kernel " + kernel.getFileName(), Long.MAX_VALUE);
            BareMetalMachine.RunResult result = machine.run(maxInstructions, maxNanos, writer);
            writer.finish();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String summary(BareMetalMachine.RunResult result, double hostSeconds) {
        String why;
        switch (result.stop()) {
            case SYSTEM_OFF: why = "PSCI SYSTEM_OFF"; break;
            case SYSTEM_RESET: why = "PSCI SYSTEM_RESET"; break;
            case INSTRUCTION_LIMIT: why = "the instruction limit"; break;
            case REQUESTED: why = "the console text it waited for"; break;
            case TIME_LIMIT: why = "the virtual-time limit"; break;
            default: why = "a halted core with nothing left to wake it"; break;
        }
        return String.format(Locale.ROOT, "run-image: stopped by %s: %d instructions, virtual time %.6f ms, %.1f MIPS",
                why, result.instructions(), result.virtualNanos() / 1e6, result.instructions() / hostSeconds / 1e6);
    }
}
