package dev.warden.config.check;

/** One check over a configuration set. Rules add findings; they never throw for bad values. */
public interface Rule {
    /** Stable identifier, e.g. {@code memory/overlap-in-cell}. */
    String id();

    /** One-line description (SARIF rule text). */
    String title();

    Severity severity();

    void check(CheckInput input, FindingSink out);
}
