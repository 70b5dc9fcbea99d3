package dev.warden.hypervisor.core;

/** The comm-region cell states and the text sysfs and {@code jailhouse cell list} show. */
public enum CellState {
    RUNNING(0, "running"),
    RUNNING_LOCKED(1, "running/locked"),
    SHUT_DOWN(2, "shut down"),
    FAILED(3, "failed"),
    FAILED_COMM_REV(4, "Comm ABI mismatch");

    private final int code;
    private final String text;

    CellState(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() { return code; }

    public String text() { return text; }

    public static CellState parse(String text) {
        for (CellState s : values()) if (s.text.equals(text) || s.name().equalsIgnoreCase(text)) return s;
        throw new IllegalArgumentException("unknown cell state '" + text
                + "' (expected running, running/locked, shut down, failed or Comm ABI mismatch)");
    }
}
