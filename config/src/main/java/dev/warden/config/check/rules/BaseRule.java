package dev.warden.config.check.rules;

import dev.warden.config.check.Rule;
import dev.warden.config.check.Severity;

/** Holds the ID, title and severity every rule declares. */
abstract class BaseRule implements Rule {
    private final String id;
    private final String title;
    private final Severity severity;

    BaseRule(String id, Severity severity, String title) {
        this.id = id;
        this.title = title;
        this.severity = severity;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
