package dev.warden.config.create;

/** A value of the configuration with the comment the written YAML gives it (where it came from). */
record Annotated<T>(T value, String comment) {}
