package dev.warden.config.create;

import dev.warden.config.Console;
import dev.warden.config.ConfigFormat;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PlatformInfo;
import dev.warden.config.SystemConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A root configuration as config create builds it, with the comments of its written YAML. */
final class SystemDraft {
    final List<String> header = new ArrayList<>();
    MemoryRegion hypervisor;
    String hypervisorComment = "";
    Console debugConsole = Console.NONE;
    String debugConsoleComment = "";
    PlatformInfo platform;
    /** platform YAML key -> comment */
    final Map<String, String> platformComments = new LinkedHashMap<>();
    final List<String> iommuComments = new ArrayList<>();
    final CellDraft root = new CellDraft();

    SystemConfig toConfig() {
        return new SystemConfig(ConfigFormat.REV14, SystemConfig.VIRTUAL_DEBUG_CONSOLE, hypervisor, debugConsole, platform,
                root.toConfig(true));
    }
}
