package dev.warden.hypervisor.console;

import dev.warden.config.Console;
import dev.warden.emulator.bus.BusFault;
import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.emulator.devices.uart.UartDriver;

/**
 * The hypervisor's printk: every message goes to the physical debug UART of the system
 * configuration (each newline sent as CR LF) and, when the system allows a virtual debug console,
 * into the console page in hypervisor memory (struct jailhouse_virt_console: busy, tail, a
 * 2048-byte ring), which the root kernel's driver reads for {@code jailhouse console}.
 */
public final class HypervisorConsole {

    public static final int RING_SIZE = 2048;
    static final int TYPE_8250 = 2;
    static final int TYPE_PL011 = 3;
    static final int FLAG_REGDIST_4 = 0x2;
    static final int OFF_TAIL = 4;
    static final int OFF_CONTENT = 8;

    private final UartDriver uart;
    private final MemoryAccess memory;
    private final long page;
    private final boolean virtualConsole;
    private long tail;

    /**
     * @param page           physical address of the console page in hypervisor memory
     * @param virtualConsole whether the system configuration enables the virtual debug console
     */
    public HypervisorConsole(Console debugConsole, MemoryAccess bus, long page, boolean virtualConsole) {
        this.memory = bus;
        this.page = page;
        this.virtualConsole = virtualConsole;
        this.uart = switch (debugConsole.type()) {
            case TYPE_8250 -> new UartDriver(bus, debugConsole.address(), UartDriver.Type.NS16550,
                    (debugConsole.flags() & FLAG_REGDIST_4) != 0 ? 2 : 0);
            case TYPE_PL011 -> new UartDriver(bus, debugConsole.address(), UartDriver.Type.PL011, 0);
            default -> null;
        };
    }

    public void printk(String text) {
        if (virtualConsole) {
            for (int i = 0; i < text.length(); i++) {
                memory.write(page + OFF_CONTENT + (tail % RING_SIZE), 1, text.charAt(i) & 0xff);
                tail++;
            }
            memory.write(page + OFF_TAIL, 4, tail & 0xffffffffL);
        }
        if (uart == null) return;
        try {
            uart.print(text);
        } catch (BusFault e) {
            // a debug console at an address with no UART: the output is lost, as on hardware
        }
    }

    /** The console page, when the system configuration enables the virtual console (the root cell may read it). */
    public java.util.OptionalLong page() {
        return virtualConsole ? java.util.OptionalLong.of(page) : java.util.OptionalLong.empty();
    }

    /** Characters written so far (the ring's tail). */
    public long bytesWritten() {
        return tail;
    }
}
