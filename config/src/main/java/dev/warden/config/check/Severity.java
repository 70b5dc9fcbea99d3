package dev.warden.config.check;

import java.util.Locale;

/** How bad a finding is; only errors make {@code warden check} exit with 1. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
