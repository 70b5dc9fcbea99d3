package dev.warden.emulator.devices.uart;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The receive side both UART models share: bytes typed at the far end wait in a FIFO, and every
 * driver that polls the UART is told, in the order it asked, until one has drained the FIFO.
 */
final class ReceiveFifo {

    private final ArrayDeque<Integer> bytes = new ArrayDeque<>();
    private final List<Runnable> readyListeners = new ArrayList<>();

    boolean isEmpty() {
        return bytes.isEmpty();
    }

    /** The next byte, or -1 when nothing is waiting. */
    int poll() {
        Integer b = bytes.poll();
        return b == null ? -1 : b;
    }

    void clear() {
        bytes.clear();
    }

    void add(byte[] received) {
        for (byte b : received) bytes.add(b & 0xff);
    }

    void onReady(Runnable listener) {
        readyListeners.add(listener);
    }

    /** Tells the drivers that bytes wait; the first to read them takes them. */
    void notifyReady() {
        for (Runnable r : List.copyOf(readyListeners)) {
            if (!bytes.isEmpty()) r.run();
        }
    }
}
