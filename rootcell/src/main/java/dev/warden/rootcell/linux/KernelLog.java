package dev.warden.rootcell.linux;

import dev.warden.emulator.clock.VirtualClock;
import dev.warden.emulator.devices.uart.UartDriver;
import java.util.ArrayList;
import java.util.List;

/**
 * printk: every message gets the kernel's "[seconds.micros]" stamp (virtual time since the kernel
 * started) and goes into the ring buffer that {@code dmesg} reads; once a console is registered,
 * it is also written to that UART through the kernel's memory path.
 */
final class KernelLog {

    private final VirtualClock clock;
    private final long bootTime;
    private final List<String> ring = new ArrayList<>();
    private UartDriver console;
    private int printed;
    private final dev.warden.emulator.console.Writer writer;
    private final char tag;

    /** @param tag whose output the log is on a shared console ({@link dev.warden.emulator.console.Writer}) */
    KernelLog(VirtualClock clock, long bootTime, dev.warden.emulator.console.Writer writer, char tag) {
        this.clock = clock;
        this.bootTime = bootTime;
        this.writer = writer;
        this.tag = tag;
    }

    /**
     * Registers a console. Like a console with CON_PRINTBUFFER, it first prints what the ring
     * holds that no console has printed yet, so the first lines of the boot appear even though
     * the console came up later; a hand-over from the boot console repeats nothing.
     */
    void console(UartDriver uart) {
        this.console = uart;
        writer.as(tag, () -> {
            while (printed < ring.size()) console.print(ring.get(printed++) + "\n");
        });
    }

    UartDriver console() {
        return console;
    }

    void printk(String message) {
        long t = clock.now() - bootTime;
        String line = String.format("[%5d.%06d] %s", t / 1_000_000_000L, (t / 1000) % 1_000_000, message);
        ring.add(line);
        if (console != null) {
            writer.as(tag, () -> console.print(line + "\n"));
            printed = ring.size();
        }
    }

    List<String> dmesg() {
        return List.copyOf(ring);
    }
}
