package dev.warden.config.check;

import java.util.List;

/**
 * One problem found in a configuration set: a stable rule ID, its severity, what is wrong, the
 * cells/regions/addresses involved and one line on how to fix it.
 */
public record Finding(String ruleId, Severity severity, String message, List<Location> locations, String fix) {
    public Finding {
        locations = List.copyOf(locations);
    }

    /** Whether a location names this element, e.g. {@code mem_regions[14]} or {@code irqchips[0]}. */
    public boolean involves(String element) {
        return locations.stream().anyMatch(l -> l.element().equals(element));
    }

    public boolean involvesCell(String cell) {
        return locations.stream().anyMatch(l -> l.cell().equals(cell));
    }
}
