package dev.warden.config;

import java.util.Objects;

/** A root {@code .cell} file: hypervisor memory, debug console, platform info and the root cell. */
public record SystemConfig(ConfigFormat format, int flags, MemoryRegion hypervisorMemory, Console debugConsole,
        PlatformInfo platform, CellConfig rootCell, Architecture architecture) implements JailhouseConfig {
    public static final int VIRTUAL_DEBUG_CONSOLE = 0x1;

    public SystemConfig {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(hypervisorMemory, "hypervisorMemory");
        Objects.requireNonNull(debugConsole, "debugConsole");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(rootCell, "rootCell");
        Objects.requireNonNull(architecture, "architecture");
    }

    /** An arm64 system configuration (what every layout before revision 14 is). */
    public SystemConfig(ConfigFormat format, int flags, MemoryRegion hypervisorMemory, Console debugConsole,
            PlatformInfo platform, CellConfig rootCell) {
        this(format, flags, hypervisorMemory, debugConsole, platform, rootCell, Architecture.ARM64);
    }

    @Override
    public String name() {
        return rootCell.name();
    }

    public SystemConfig withRootCell(CellConfig root) {
        return new SystemConfig(format, flags, hypervisorMemory, debugConsole, platform, root, architecture);
    }

    public SystemConfig withPlatform(PlatformInfo p) {
        return new SystemConfig(format, flags, hypervisorMemory, debugConsole, p, rootCell, architecture);
    }

    public SystemConfig withHypervisorMemory(MemoryRegion m) {
        return new SystemConfig(format, flags, m, debugConsole, platform, rootCell, architecture);
    }
}
