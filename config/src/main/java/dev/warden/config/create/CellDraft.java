package dev.warden.config.create;

import dev.warden.config.CellConfig;
import dev.warden.config.ConfigFormat;
import dev.warden.config.Console;
import dev.warden.config.Irqchip;
import dev.warden.config.MemoryRegion;
import dev.warden.config.PciDevice;
import dev.warden.config.RawBytes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** A cell as config create builds it: the values, and the comment each gets in the written YAML. */
final class CellDraft {

    /** The root cell's embedded descriptor starts with signature, architecture and revision: zero in every shipped file. */
    static final int EMBEDDED_HEADER_BYTES = 8;

    String name;
    int flags;
    BitSet cpus = new BitSet();
    String cpusComment = "";
    int vpciIrqBase;
    String vpciComment = "";
    Console console = Console.NONE;
    String consoleComment = "";
    final List<Annotated<MemoryRegion>> memory = new ArrayList<>();
    final List<Irqchip> irqchips = new ArrayList<>();
    String irqchipComment = "";
    final List<PciDevice> pciDevices = new ArrayList<>();
    String pciComment = "";

    void region(MemoryRegion r, String comment) {
        memory.add(new Annotated<>(r, comment));
    }

    CellConfig toConfig(boolean root) {
        return new CellConfig(ConfigFormat.REV14, root ? RawBytes.zeros(EMBEDDED_HEADER_BYTES) : RawBytes.EMPTY, name, 0,
                flags, 8, cpus, memory.stream().map(Annotated::value).toList(), List.of(), irqchips, List.of(),
                RawBytes.EMPTY, pciDevices, List.of(), List.of(), List.of(), vpciIrqBase, 0, 0, console);
    }
}
