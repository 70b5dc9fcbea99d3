package dev.warden.config.create;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Disjoint sorted ranges with union and subtraction: how RAM and device windows are cut to size. */
final class RangeSet {

    private final List<AddressRange> ranges = new ArrayList<>();

    RangeSet add(AddressRange r) {
        if (r.size() <= 0) return this;
        ranges.add(r);
        ranges.sort(Comparator.comparingLong(AddressRange::start));
        List<AddressRange> merged = new ArrayList<>();
        for (AddressRange x : ranges) {
            if (!merged.isEmpty() && x.start() <= merged.get(merged.size() - 1).end()) {
                AddressRange last = merged.remove(merged.size() - 1);
                long end = Math.max(last.end(), x.end());
                merged.add(new AddressRange(last.start(), end - last.start()));
            } else {
                merged.add(x);
            }
        }
        ranges.clear();
        ranges.addAll(merged);
        return this;
    }

    RangeSet subtract(AddressRange cut) {
        if (cut.size() <= 0) return this;
        List<AddressRange> out = new ArrayList<>();
        for (AddressRange r : ranges) {
            if (!r.overlaps(cut)) {
                out.add(r);
                continue;
            }
            if (r.start() < cut.start()) out.add(new AddressRange(r.start(), cut.start() - r.start()));
            if (r.end() > cut.end()) out.add(new AddressRange(cut.end(), r.end() - cut.end()));
        }
        ranges.clear();
        ranges.addAll(out);
        return this;
    }

    boolean overlaps(AddressRange r) {
        return ranges.stream().anyMatch(x -> x.overlaps(r));
    }

    /** Whether every byte of {@code r} is in the set. */
    boolean covers(AddressRange r) {
        return ranges.stream().anyMatch(x -> x.contains(r));
    }

    List<AddressRange> ranges() {
        return List.copyOf(ranges);
    }
}
