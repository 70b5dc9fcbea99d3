package dev.warden.rootcell.linux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reference rig's two helper scripts (shared/reference-rig), which its recordings type between
 * the jailhouse commands, modeled as commands: they only read sysfs, as the scripts do.
 *
 * <ul>
 * <li>{@code jh-pool}: "NAME: VALUE" for enabled and the page pools, from /sys/devices/jailhouse/NAME.
 * <li>{@code jh-cell ID}: "name: ", "state: ", "cpus_assigned_list: ", "cpus_failed_list: " of
 *     /sys/devices/jailhouse/cells/ID; {@code stats} adds "vmexits_x: VALUE" for the cell's
 *     statistics, {@code cpustats} adds grep-style "cpuN/vmexits_x:VALUE" for each CPU folder, then
 *     "vmexits_x:VALUE" for the sums (names in glob order: sorted as strings).
 * </ul>
 *
 * Each value is what {@code $(cat FILE)} gives: the file without its trailing newlines. A file that
 * is missing gives cat's complaint on standard error and an empty value (what the scripts do when
 * the module is not loaded; the recordings never show that case).
 */
final class RigHelpers {

    static final String JAILHOUSE = "/sys/devices/jailhouse";
    static final List<String> POOL = List.of("enabled", "mem_pool_size", "mem_pool_used", "remap_pool_size", "remap_pool_used");
    static final List<String> CELL = List.of("name", "state", "cpus_assigned_list", "cpus_failed_list");

    private RigHelpers() {}

    static void register(ShellInterpreter shell) {
        shell.register("jh-pool", RigHelpers::pool);
        shell.register("jh-cell", RigHelpers::cell);
    }

    static int pool(Invocation call) {
        // line by line, as the script's echo writes: cat's complaints come between the lines
        for (String name : POOL) call.out().print(name + ": " + value(call, JAILHOUSE + "/" + name) + "\n");
        return 0;
    }

    static int cell(Invocation call) {
        List<String> args = call.operands();
        if (args.isEmpty() || args.size() > 2 || (args.size() == 2 && !List.of("stats", "cpustats").contains(args.get(1)))) {
            call.err().print("usage: jh-cell ID [stats|cpustats]\n");
            return 1;
        }
        String dir = JAILHOUSE + "/cells/" + args.get(0);
        for (String name : CELL) call.out().print(name + ": " + value(call, dir + "/" + name) + "\n");
        StringBuilder sb = new StringBuilder();
        if (args.size() == 2) {
            String stats = dir + "/statistics";
            List<String> entries = call.fs().list(stats).orElse(List.of());
            if (args.get(1).equals("cpustats")) {
                for (String cpu : entries) {
                    if (!cpu.startsWith("cpu") || !call.fs().isDirectory(stats + "/" + cpu)) continue;
                    for (String counter : counters(call, stats + "/" + cpu)) {
                        sb.append(cpu).append('/').append(counter).append(':')
                                .append(raw(call, stats + "/" + cpu + "/" + counter)).append('\n');
                    }
                }
            }
            String separator = args.get(1).equals("stats") ? ": " : ":";
            for (String counter : counters(call, stats)) {
                sb.append(counter).append(separator).append(raw(call, stats + "/" + counter)).append('\n');
            }
        }
        call.out().print(sb.toString());
        return call.fs().isDirectory(dir) ? 0 : 1;
    }

    /** The vmexits_* files of a statistics folder, sorted. */
    private static List<String> counters(Invocation call, String dir) {
        List<String> out = new ArrayList<>();
        for (String name : call.fs().list(dir).orElse(List.of())) {
            if (name.startsWith("vmexits_") && call.fs().read(dir + "/" + name).isPresent()) out.add(name);
        }
        out.sort(null);
        return out;
    }

    /** $(cat FILE): the contents without trailing newlines; cat's complaint when the file is missing. */
    private static String value(Invocation call, String path) {
        Optional<byte[]> content = call.fs().read(path);
        if (content.isEmpty()) {
            call.err().print("cat: can't open '" + path + "': " + FileError.ENOENT.strerror() + "\n");
            return "";
        }
        return new String(content.get(), StandardCharsets.ISO_8859_1).replaceAll("\n+$", "");
    }

    /** A line as grep prints it: the file's first line. */
    private static String raw(Invocation call, String path) {
        String text = call.fs().read(path).map(b -> new String(b, StandardCharsets.ISO_8859_1)).orElse("");
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
