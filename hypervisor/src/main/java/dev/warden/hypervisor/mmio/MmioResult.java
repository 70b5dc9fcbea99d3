package dev.warden.hypervisor.mmio;

import java.util.Optional;

/**
 * What a handler made of an access: done, not mine, or forbidden (with the line the hypervisor
 * prints before "FATAL: forbidden access").
 */
public record MmioResult(Kind kind, Optional<String> message) {

    public enum Kind { HANDLED, UNHANDLED, FORBIDDEN }

    public static final MmioResult HANDLED = new MmioResult(Kind.HANDLED, Optional.empty());
    public static final MmioResult UNHANDLED = new MmioResult(Kind.UNHANDLED, Optional.empty());

    /** A forbidden access; {@code message} is the line printed before the FATAL line, or null for none. */
    public static MmioResult forbidden(String message) {
        return new MmioResult(Kind.FORBIDDEN, Optional.ofNullable(message));
    }
}
