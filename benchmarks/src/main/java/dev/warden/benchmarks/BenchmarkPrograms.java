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

    public static final String[] NAMES = {"int-loop", "crc-loop", "copy-loop", "mmio-loop"};
    /** The core modes a benchmark compares. */
    public static final String INTERPRETED = "interpreted", TRANSLATED = "translated";
    /** Address of the iteration count: load address + 8. */
    public static final long COUNT_ADDRESS = 0x40080008L;

    private BenchmarkPrograms() { }

    public static byte[] image(String name) {
        try (InputStream in = BenchmarkPrograms.class.getResourceAsStream(name + ".elf")) {
            if (in == null) throw new IllegalArgumentException("no benchmark program '" + name + "'; known: " + String.join(", ", NAMES));
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

    /**
     * As {@link #load(String, long)}, the core in {@code mode}: {@link #INTERPRETED} switches
     * translation off; {@link #TRANSLATED} leaves it as the system property warden.translate says.
     */
    public static BareMetalMachine load(String name, long iterations, String mode) {
        BareMetalMachine machine = load(name, iterations);
        if (INTERPRETED.equals(mode)) machine.cpu().setTranslation(false);
        else if (!TRANSLATED.equals(mode)) throw new IllegalArgumentException("mode must be interpreted or translated, got " + mode);
        return machine;
    }

    /** An image of the program with its iteration count replaced (for running it elsewhere, e.g. under QEMU). */
    public static byte[] imageWithCount(String name, long iterations) {
        byte[] image = image(name).clone();
        java.nio.ByteBuffer elf = java.nio.ByteBuffer.wrap(image).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long programHeaders = elf.getLong(32);
        int entrySize = elf.getShort(54) & 0xffff;
        int entries = elf.getShort(56) & 0xffff;
        for (int i = 0; i < entries; i++) {
            int header = (int) programHeaders + i * entrySize;
            if (elf.getInt(header) == 1) { // the first PT_LOAD holds the text, the count at offset 8
                elf.putLong((int) elf.getLong(header + 8) + 8, iterations);
                return image;
            }
        }
        throw new IllegalStateException(name + ": no loadable segment");
    }
}
