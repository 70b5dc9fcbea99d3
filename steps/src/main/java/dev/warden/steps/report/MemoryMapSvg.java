package dev.warden.steps.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Draws a {@link MemoryMap} as SVG. The physical address space of these boards spans 36 bits with
 * a few small islands in use, so a linear scale would show nothing: the picture has one row per
 * address range in which the set of owners stays the same (the ranges between all region
 * boundaries), gaps marked, and one coloured column per owner. Every row names its addresses.
 */
public final class MemoryMapSvg {

    static final int ROW = 17;
    static final int GAP = 9;
    static final int HEADER = 86;
    static final int ADDRESS_WIDTH = 250;
    static final int LANE_WIDTH = 128;
    static final int NOTE_WIDTH = 380;
    private static final String[] CELL_COLOURS = {"#27ae60", "#e67e22", "#16a085", "#d35400", "#2c3e50", "#7f8c8d"};

    private MemoryMapSvg() {}

    private record Row(long start, long end, boolean gapBefore, int y) {}

    public static String render(MemoryMap map) {
        List<Row> rows = rows(map);
        int lanes = map.lanes().size();
        int width = ADDRESS_WIDTH + lanes * LANE_WIDTH + NOTE_WIDTH;
        int height = (rows.isEmpty() ? HEADER : rows.get(rows.size() - 1).y() + ROW) + 16;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"monospace\" font-size=\"11\">%n", width, height, width, height));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(text(8, 18, "Physical memory map: " + map.title(), "font-size=\"14\" font-weight=\"bold\""));
        s.append(text(8, 36, "one row per address range with the same owners; ⋯ marks unused address space between rows", "fill=\"#555\""));
        for (int i = 0; i < lanes; i++) {
            MemoryMap.Lane lane = map.lanes().get(i);
            int x = ADDRESS_WIDTH + i * LANE_WIDTH;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"52\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", x, colour(lane)));
            s.append(text(x + 16, 62, shorten(lane.name(), 15), "font-weight=\"bold\""));
            s.append(String.format("<title>%s</title>%n", esc(lane.name())));
        }
        s.append(text(8, 62, "address range (size)", "font-weight=\"bold\""));
        for (Row r : rows) {
            if (r.gapBefore()) {
                s.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\" stroke-dasharray=\"3,3\"/>%n",
                        r.y() - GAP / 2 - 1, width - NOTE_WIDTH, r.y() - GAP / 2 - 1));
                s.append(text(ADDRESS_WIDTH - 20, r.y() - 1, "⋯", "fill=\"#999\""));
            }
            s.append(text(8, r.y() + ROW - 5, String.format("%s–%s %s", hex(r.start()), hex(r.end() - 1), size(r.end() - r.start())), ""));
        }
        for (int i = 0; i < lanes; i++) {
            MemoryMap.Lane lane = map.lanes().get(i);
            int x = ADDRESS_WIDTH + i * LANE_WIDTH;
            for (MemoryMap.Span sp : lane.spans()) {
                int first = -1;
                int last = -1;
                for (int k = 0; k < rows.size(); k++) {
                    Row r = rows.get(k);
                    if (Long.compareUnsigned(r.start(), sp.start()) >= 0 && Long.compareUnsigned(r.end(), sp.end()) <= 0) {
                        if (first < 0) first = k;
                        last = k;
                    }
                }
                if (first < 0) continue;
                int y = rows.get(first).y();
                int h = rows.get(last).y() + ROW - y - 1;
                String fill = colour(lane);
                String style = sp.io() && lane.kind() != MemoryMap.Kind.DEVICES
                        ? "fill-opacity=\"0.45\" stroke=\"" + fill + "\" stroke-dasharray=\"4,2\"" : "stroke=\"white\"";
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" %s>",
                        x + 2, y, LANE_WIDTH - 4, h, fill, style));
                s.append(String.format("<title>%s: %s %s–%s (%s)</title></rect>%n", esc(lane.name()), esc(sp.label()),
                        hex(sp.start()), hex(sp.end() - 1), size(sp.end() - sp.start()).trim()));
                boolean dark = lane.kind() != MemoryMap.Kind.RAM && lane.kind() != MemoryMap.Kind.SHARED
                        && lane.kind() != MemoryMap.Kind.RESERVED && !sp.io();
                s.append(text(x + 6, y + ROW - 5, shorten(sp.label(), 17), dark ? "fill=\"white\"" : "fill=\"#222\""));
            }
        }
        map.fault().ifPresent(f -> f.access().ifPresent(a -> {
            for (Row r : rows) {
                if (Long.compareUnsigned(r.start(), a.address()) <= 0 && Long.compareUnsigned(a.address(), r.end()) < 0) {
                    int y = r.y() + ROW / 2;
                    int right = ADDRESS_WIDTH + lanes * LANE_WIDTH;
                    s.append(String.format(Locale.ROOT, "<rect x=\"1\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                            + "stroke=\"#e74c3c\" stroke-width=\"2\"/>%n", r.y() - 1, right, ROW + 1));
                    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#e74c3c\" stroke-width=\"2\"/>%n",
                            right, y, right + 14, y));
                    String what = a.size() == 0 ? "instruction fetch at " + hex(a.address())
                            : a.kind() + " " + hex(a.address()) + " (" + a.size() + " B)";
                    s.append(text(right + 18, y + 4, "✗ fault: " + what + ", CPU " + f.cpu() + " parked (" + f.cell() + ")",
                            "fill=\"#c0392b\" font-weight=\"bold\""));
                    break;
                }
            }
        }));
        s.append("</svg>\n");
        return s.toString();
    }

    /** The ranges between consecutive boundaries of all spans that some span covers, top to bottom by address. */
    private static List<Row> rows(MemoryMap map) {
        TreeSet<Long> bounds = new TreeSet<>(Long::compareUnsigned);
        for (MemoryMap.Lane l : map.lanes()) {
            for (MemoryMap.Span s : l.spans()) {
                bounds.add(s.start());
                bounds.add(s.end());
            }
        }
        List<Row> rows = new ArrayList<>();
        Long prev = null;
        long lastEnd = -1;
        int y = HEADER;
        for (long b : bounds) {
            if (prev != null && covered(map, prev, b)) {
                boolean gap = !rows.isEmpty() && lastEnd != prev;
                if (gap) y += GAP;
                rows.add(new Row(prev, b, gap, y));
                y += ROW;
                lastEnd = b;
            }
            prev = b;
        }
        return rows;
    }

    private static boolean covered(MemoryMap map, long start, long end) {
        for (MemoryMap.Lane l : map.lanes()) {
            for (MemoryMap.Span s : l.spans()) {
                if (Long.compareUnsigned(s.start(), start) <= 0 && Long.compareUnsigned(end, s.end()) <= 0) return true;
            }
        }
        return false;
    }

    static String colour(MemoryMap.Lane lane) {
        return switch (lane.kind()) {
            case RAM -> "#d5dbe0";
            case DEVICES -> "#7f8c8d";
            case RESERVED -> "#bcaaa4";
            case HYPERVISOR -> "#8e44ad";
            case ROOT_CELL -> "#2e86de";
            case CELL -> CELL_COLOURS[(lane.index() - 1 + CELL_COLOURS.length) % CELL_COLOURS.length];
            case SHARED -> "#f1c40f";
            case FAULT -> "#e74c3c";
        };
    }

    static String hex(long v) {
        return String.format("0x%08x", v);
    }

    static String size(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        double v = bytes;
        while (v >= 1024 && u < units.length - 1 && (long) v % 1024 == 0) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "(%d %s)", (long) v, units[u]);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String text(int x, int y, String content, String attrs) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" %s>%s</text>%n", x, y, attrs, esc(content));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
