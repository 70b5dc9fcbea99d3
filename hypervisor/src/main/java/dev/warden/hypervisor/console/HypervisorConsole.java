package dev.warden.hypervisor.console;

import dev.warden.emulator.bus.BusFault;
import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.emulator.devices.uart.UartDriver;
import dev.warden.config.Console;

/**
 * The hypervisor's printk: every message goes to the physical debug UART of the system
 * configuration (each newline sent as CR LF), and into the 2048-byte ring that
 * {@code jailhouse console} reads when the system allows a virtual debug console.
 */
public final class HypervisorConsole {

    public static final int RING_SIZE = 2048;
    static final int TYPE_8250 = 2;
    static final int TYPE_PL011 = 3;
    static final int FLAG_REGDIST_4 = 0x2;

    private final UartDriver uart;
    private final StringBuilder ring = new StringBuilder();
    private long written;

    public HypervisorConsole(Console debugConsole, MemoryAccess bus) {
        this.uart = switch (debugConsole.type()) {
            case TYPE_8250 -> new UartDriver(bus, debugConsole.address(), UartDriver.Type.NS16550,
                    (debugConsole.flags() & FLAG_REGDIST_4) != 0 ? 2 : 0);
            case TYPE_PL011 -> new UartDriver(bus, debugConsole.address(), UartDriver.Type.PL011, 0);
            default -> null;
        };
    }

    public void printk(String text) {
        ring.append(text);
        written += text.length();
        if (ring.length() > RING_SIZE) ring.delete(0, ring.length() - RING_SIZE);
        if (uart == null) return;
        try {
            uart.print(text);
        } catch (BusFault e) {
            // a debug console at an address with no UART: the output is lost, as on hardware
        }
    }

    /** What the ring holds now, oldest first. */
    public String ring() {
        return ring.toString();
    }

    public long bytesWritten() {
        return written;
    }
}
