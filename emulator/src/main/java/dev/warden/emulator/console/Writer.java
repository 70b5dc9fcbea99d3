package dev.warden.emulator.console;

/**
 * Who is writing to the board's UARTs at this moment: modeled software (the root shell), the root
 * kernel's log, the hypervisor printing on its debug console, or a CPU of a cell (its emulated core,
 * or the modeled Linux running there). Consoles
 * remember the writer of every character, so that a transcript of one shared UART can be taken
 * apart the way its readers need (the root's lines, a cell's lines), whatever their interleaving.
 */
public final class Writer {

    /** Modeled code: the root-cell kernel, its shell, a modeled Linux inmate. */
    public static final char MODELED = 'm';
    /** The root kernel's printk (its log on the console). */
    public static final char KERNEL = 'k';
    /** The hypervisor's printk. */
    public static final char HYPERVISOR = 'h';
    private static final char CORE_BASE = 0x100;

    private char current = MODELED;

    /** The tag of the emulated core of board CPU {@code index}. */
    public static char core(int index) {
        return (char) (CORE_BASE + index);
    }

    /** Whether a tag is an emulated core's. */
    public static boolean isCore(char tag) {
        return tag >= CORE_BASE;
    }

    public char current() {
        return current;
    }

    /** Runs {@code work} with {@code tag} as the writer, restoring the previous one after. */
    public void as(char tag, Runnable work) {
        char before = current;
        current = tag;
        try {
            work.run();
        } finally {
            current = before;
        }
    }
}
