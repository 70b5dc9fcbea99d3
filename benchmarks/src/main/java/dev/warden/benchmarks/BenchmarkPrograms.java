package dev.warden.benchmarks;

import dev.warden.emulator.run.BareMetalMachine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The benchmark programs (src/main/asm, built by build.sh): bare-metal ELF images for the
 * QEMU-virt-like machine. Each keeps its iteration count as a 64-bit word at offset 8 of its
 * text, so a test can run a short version of the same code.
 */
public final class BenchmarkPrograms {

    public static final String[] NAMES = {"int-loop", "crc-loop", "copy-loop"};
    /** Address of the iteration count: load address + 8. */
    public static final long COUNT_ADDRESS = 0x40080008L;

    private BenchmarkPrograms() { }

    public static byte[] image(String name) {
        try (InputStream in = BenchmarkPrograms.class.getResourceAsStream(name + ".elf")) {
            if (in == null) throw new IllegalArgumentException("no benchmark program '" + name + "'; known: int-loop, crc-loop, copy-loop");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A machine with the program loaded and ready at its entry point. */
    public static BareMetalMachine load(String name) {
        BareMetalMachine machine = new BareMetalMachine();
        machine.load(name + ".elf", image(name));
        return machine;
    }

    /** As {@link #load(String)}, with the iteration count replaced. */
    public static BareMetalMachine load(String name, long iterations) {
        BareMetalMachine machine = load(name);
        machine.bus().write(COUNT_ADDRESS, 8, iterations);
        machine.cpu().codeCache().invalidateAll();
        return machine;
    }
}
