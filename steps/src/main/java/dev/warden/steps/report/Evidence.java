package dev.warden.steps.report;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import dev.warden.lab.Lab;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a reader needs to understand a scenario from the report alone, in the order they read
 * it: one transcript per console with virtual timestamps, the hypervisor console on its own, the
 * kernel log, U-Boot's notes, the device tree after overlays as DTS, the cells and CPUs at the end,
 * the last fault's register dump and the physical memory map with the faulting access marked.
 */
public final class Evidence {

    /** One attachment: its name in the report, media type and content. */
    public record Item(String name, String mediaType, byte[] content) {
        static Item text(String name, String text) {
            return new Item(name, "text/plain", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private Evidence() {}

    /** The console transcripts by attachment name: what {@code -Dwarden.repeat=2} compares. */
    public static Map<String, String> transcripts(Lab lab) {
        Map<String, String> t = new LinkedHashMap<>();
        Set<Console> seen = new LinkedHashSet<>(lab.board().consoles().values());
        for (Console c : seen) {
            if (c.length() > 0) t.put("console " + c.name() + " (virtual time)", c.stampedTranscript());
        }
        return t;
    }

    /**
     * The evidence; a piece that cannot be made (a bug in Warden's reporting) becomes a note in its
     * place, because the report must never change a scenario's outcome.
     */
    public static List<Item> of(Lab lab) {
        List<Item> items = new ArrayList<>();
        try {
            collect(lab, items);
        } catch (RuntimeException e) {
            items.add(Item.text("evidence incomplete", "Warden could not put together all of this scenario's evidence: " + e));
        }
        return items;
    }

    private static void collect(Lab lab, List<Item> items) {
        transcripts(lab).forEach((name, text) -> items.add(Item.text(name, text)));
        Console hvConsole = lab.console(ConsoleRole.HYPERVISOR);
        String hv = HypervisorTranscript.of(hvConsole);
        if (!hv.isEmpty()) items.add(Item.text("hypervisor console (virtual time)", hv));
        if (!lab.linux().dmesg().isEmpty()) items.add(Item.text("dmesg", String.join("\n", lab.linux().dmesg())));
        if (!lab.uboot().diagnostics().isEmpty()) {
            items.add(Item.text("U-Boot diagnostics", String.join("\n", lab.uboot().diagnostics())));
        }
        lab.linux().deviceTree().ifPresent(tree -> items.add(Item.text("device tree after overlays (DTS)",
                dev.warden.devicetree.print.DtsPrinter.print(tree))));
        items.add(Item.text("cells and CPUs", CellTable.of(lab)));
        Optional<LastFault> fault = LastFault.in(hvConsole.text());
        fault.ifPresent(f -> items.add(Item.text("last fault: register dump", f.dump())));
        String svg = MemoryMapSvg.render(MemoryMap.of(lab, fault));
        items.add(new Item("physical memory map", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8)));
    }
}
