package dev.warden.emulator.devices.uart;

/**
 * The outside of a UART: what the far end of the serial cable sees. A console attaches here to
 * collect transmitted bytes and to type received ones.
 */
public interface SerialPort {

    /** Receives every byte the guest transmits. */
    interface Listener {
        void transmitted(int b);
    }

    void attach(Listener listener);

    /** Puts bytes into the receive FIFO, as if typed at the far end. */
    void receive(byte[] bytes);

    /**
     * Called whenever received bytes are waiting; a modeled driver uses it as its RX interrupt.
     * Several drivers may listen (two kernels sharing a UART); they are told in the order they asked.
     */
    void onReceiveReady(Runnable callback);

    String name();
}
