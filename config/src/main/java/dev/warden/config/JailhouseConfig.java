package dev.warden.config;

/** A decoded configuration file: the root cell's system configuration or a non-root cell's. */
public sealed interface JailhouseConfig permits SystemConfig, CellConfig {
    /** The binary layout the values are expressed in (flag values differ between layouts). */
    ConfigFormat format();

    /** The cell name (the root cell's for a system configuration). */
    String name();
}
