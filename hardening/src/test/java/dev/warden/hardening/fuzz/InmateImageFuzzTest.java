package dev.warden.hardening.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.warden.emulator.bus.PhysicalBus;
import dev.warden.emulator.run.BareMetalMachine;
import dev.warden.emulator.run.ImageLoader;

/**
 * Inmate and bare-metal images ({@code warden run-image}): an ELF64 is loaded by its program
 * headers, anything else as a flat binary; a bad image fails with an IllegalArgumentException
 * naming the file and the offset, and a good one lands inside the board's RAM.
 */
class InmateImageFuzzTest {
    private static final String NAME = "fuzz.elf";

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void load(byte[] image) {
        PhysicalBus bus = new PhysicalBus();
        bus.addRam("ram", BareMetalMachine.RAM_BASE, 1L << 20);
        try {
            ImageLoader.LoadedImage loaded = ImageLoader.load(NAME, image, bus, BareMetalMachine.RAM_BASE + 0x80000);
            if (loaded.lowest() > loaded.highest()) throw new AssertionError("an image that ends before it starts: " + loaded);
        } catch (IllegalArgumentException e) {
            CleanErrors.requireNamed(e, NAME + ": ");
        }
    }
}
