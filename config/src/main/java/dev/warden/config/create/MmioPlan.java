package dev.warden.config.create;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The root cell's device regions: the pages of every device Linux has enabled, merged where they
 * overlap or touch (so neighbouring registers share one region, as in upstream's configurations),
 * and cut around what the root must not map directly: the GIC distributor and redistributors
 * (the hypervisor emulates them), the virtual PCI window, IOMMU units and Jailhouse's memory.
 * Unlike upstream's wide "permissive" windows, pages no node describes stay unmapped.
 */
final class MmioPlan {

    /** A root region and the nodes whose registers it holds. */
    record Window(AddressRange range, List<String> nodes) {}

    final List<Window> windows = new ArrayList<>();

    MmioPlan(List<TreeDevices.Device> devices, List<AddressRange> forbidden) {
        List<AddressRange> pages = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (TreeDevices.Device d : devices) {
            for (AddressRange r : d.regs()) {
                pages.add(r.pages());
                owners.add(d.name());
            }
        }
        RangeSet merged = new RangeSet();
        pages.forEach(merged::add);
        forbidden.forEach(merged::subtract);
        for (AddressRange w : merged.ranges()) {
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < pages.size(); i++) {
                if (pages.get(i).overlaps(w)) names.add(owners.get(i));
            }
            windows.add(new Window(w, List.copyOf(names)));
        }
    }

    /** "a, b, c" or "a, b, c and 9 more" for a comment. */
    static String names(List<String> nodes) {
        int shown = Math.min(nodes.size(), 6);
        String text = String.join(", ", nodes.subList(0, shown));
        return nodes.size() > shown ? text + " and " + (nodes.size() - shown) + " more" : text;
    }
}
