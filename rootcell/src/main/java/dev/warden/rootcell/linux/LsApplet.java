package dev.warden.rootcell.linux;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * busybox ls: [-1AadlnC] [FILE]... Files named on the command line come first, then each folder
 * with a "NAME:" header when there was more than one name. Names go in columns, down then across,
 * when standard output is the terminal (one per line into a pipe or a file, or with -1); -l gives
 * the long form with numeric owners, as a root file system without /etc/passwd shows them, and the
 * board's clock as the date (it starts at the epoch: "Jan  1 00:00").
 */
final class LsApplet {

    static final String USAGE = "ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...";
    static final long SIX_MONTHS_NANOS = 182L * 24 * 3600 * 1_000_000_000L;
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ENGLISH);

    private LsApplet() {}

    static void register(ShellInterpreter shell) {
        shell.register("ls", LsApplet::ls);
    }

    private record Entry(String name, RootFs.FileStat stat) {}

    static int ls(Invocation call) {
        Options o;
        try {
            o = Options.parse(call.operands(), "1AadlnC");
        } catch (Options.Error e) {
            return Usage.bad(call, e, USAGE, "List directory contents", 1);
        }
        boolean longForm = o.has('l');
        boolean columns = !longForm && !o.has('1') && (call.stdoutIsTerminal() || o.has('C'));
        int width = call.stdoutIsTerminal() ? call.terminalColumns() : 80;
        List<String> names = o.operands().isEmpty() ? List.of(".") : new ArrayList<>(o.operands());
        int status = 0;
        List<Entry> files = new ArrayList<>();
        List<Entry> dirs = new ArrayList<>();
        for (String name : names) {
            String path = call.resolve(name);
            Optional<RootFs.FileStat> stat = call.fs().stat(path);
            if (stat.isPresent() && !stat.get().directory() && name.endsWith("/")) {
                call.error(name + ": " + FileError.ENOTDIR.strerror());
                status = 1;
            } else if (stat.isEmpty()) {
                call.error(name + ": " + FileError.ENOENT.strerror());
                status = 1;
            } else if (stat.get().directory() && !o.has('d')) {
                dirs.add(new Entry(name, stat.get()));
            } else {
                files.add(new Entry(name, stat.get()));
            }
        }
        files.sort((a, b) -> a.name().compareTo(b.name()));
        dirs.sort((a, b) -> a.name().compareTo(b.name()));
        StringBuilder sb = new StringBuilder();
        print(sb, files, longForm, columns, width, call);
        boolean first = files.isEmpty();
        for (Entry dir : dirs) {
            if (!first) sb.append('\n');
            first = false;
            if (names.size() > 1) sb.append(dir.name()).append(":\n");
            String path = call.resolve(dir.name());
            List<Entry> entries = new ArrayList<>();
            if (o.has('a')) {
                entries.add(new Entry(".", dir.stat()));
                entries.add(new Entry("..", call.fs().stat(RootFs.parentOf(path)).orElse(dir.stat())));
            }
            for (String child : call.fs().list(path).orElse(List.of())) {
                if (child.startsWith(".") && !o.has('a') && !o.has('A')) continue;
                String childPath = path.equals("/") ? "/" + child : path + "/" + child;
                // a name the folder lists is shown even if nothing more is known of it
                entries.add(new Entry(child, call.fs().stat(childPath).orElse(new RootFs.FileStat(false, "-r--r--r--", 1, 0, 0))));
            }
            if (longForm) {
                long blocks = 0;
                for (Entry e : entries) blocks += blocks(childPath(path, e.name()), e.stat());
                sb.append("total ").append(blocks).append('\n');
            }
            print(sb, entries, longForm, columns, width, call);
        }
        call.out().print(sb.toString());
        return status;
    }

    private static String childPath(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    /** 1 KiB blocks a file occupies: whole pages of RAM for the files users write, none for sysfs and /proc. */
    private static long blocks(String path, RootFs.FileStat s) {
        if (s.directory() || path.startsWith("/proc/") || path.startsWith("/sys/")) return 0;
        return (s.size() + 4095) / 4096 * 4;
    }

    private static void print(StringBuilder sb, List<Entry> entries, boolean longForm, boolean columns, int width,
                              Invocation call) {
        if (entries.isEmpty()) return;
        if (longForm) {
            long now = call.kernel().board().clock().now();
            for (Entry e : entries) sb.append(longLine(e.name(), e.stat(), now)).append('\n');
        } else if (columns) {
            List<String> names = entries.stream().map(Entry::name).toList();
            sb.append(columns(names, width));
        } else {
            for (Entry e : entries) sb.append(e.name()).append('\n');
        }
    }

    /**
     * Names in columns for a terminal {@code width} wide: each column as wide as the longest name
     * plus two spaces, as many columns as fit in one less than the width, filled top to bottom;
     * the last name of a row gets no padding.
     */
    static String columns(List<String> names, int width) {
        int longest = 0;
        for (String n : names) longest = Math.max(longest, n.length());
        int columnWidth = longest + 2;
        int perRow = Math.max(1, (width - 1) / columnWidth);
        int rows = (names.size() + perRow - 1) / perRow;
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; ; c++) {
                int i = c * rows + r;
                if (i >= names.size()) break;
                String name = names.get(i);
                sb.append(name);
                if ((c + 1) * rows + r < names.size()) sb.append(" ".repeat(columnWidth - name.length()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** "-rw-r--r--    1 0        0             1024 Jan  1 00:00 NAME" */
    static String longLine(String name, RootFs.FileStat s, long nowNanos) {
        return String.format(Locale.ROOT, "%-10s %4d %-8s %-8s %9d %s %s", s.mode(), s.links(), "0", "0", s.size(),
                date(s.modifiedNanos(), nowNanos), name);
    }

    /** The date as ls -l shows it: time of day within six months of now, the year otherwise. */
    static String date(long nanos, long nowNanos) {
        ZonedDateTime t = Instant.ofEpochSecond(0, nanos).atZone(ZoneOffset.UTC);
        boolean recent = nanos <= nowNanos && nowNanos - nanos < SIX_MONTHS_NANOS;
        return (recent ? RECENT : OLD).format(t);
    }
}
