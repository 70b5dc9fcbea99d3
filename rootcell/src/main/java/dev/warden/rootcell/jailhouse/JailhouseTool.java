package dev.warden.rootcell.jailhouse;

import dev.warden.rootcell.linux.LinuxModel;
import dev.warden.rootcell.linux.RootFs;
import dev.warden.rootcell.linux.Shell;
import dev.warden.rootcell.linux.ShellCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code jailhouse} command of the root file system (tools/jailhouse.c): argument parsing, the
 * usage text, reading configuration and image files, one ioctl per command, and perror-style
 * errors. Successful management commands print nothing; the exit code is 0 or 1.
 */
public final class JailhouseTool implements ShellCommand {

    static final String USAGE = String.join("\n",
            "Usage: jailhouse { COMMAND | --help | --version }",
            "",
            "Available commands:",
            "   enable SYSCONFIG",
            "   disable",
            "   console [-f | --follow]",
            "   cell create CELLCONFIG",
            "   cell list",
            "   cell load { ID | [--name] NAME } { IMAGE | { -s | --string } \"STRING\" }",
            "             [-a | --address ADDRESS] ...",
            "   cell start { ID | [--name] NAME }",
            "   cell shutdown { ID | [--name] NAME }",
            "   cell destroy { ID | [--name] NAME }",
            "   cell linux [-h] [-d DTB] [-i INITRD] [-c \"CMDLINE\"] [-w PARAMS_FILE]",
            "              [-a ARCH] [-k FACTOR]",
            "              CELLCONFIG KERNEL",
            "   cell stats { ID | [--name] NAME }",
            "   config create [-h] [-g] [-r ROOT] [-t TEMPLATE_DIR] [-c CONSOLE]",
            "                 [--mem-inmates MEM_INMATES] [--mem-hv MEM_HV]",
            "                 FILE",
            "   config collect FILE.TAR",
            "   config check [-h] SYSCONFIG [CELLCONFIG [CELLCONFIG ...]]",
            "   hardware check ", "");

    private final LinuxModel linux;
    private final RootFs fs;
    private final dev.warden.config.JailhouseRelease release;

    /** The tool of {@code release} on {@code linux}'s root file system; it talks to /dev/jailhouse. */
    public JailhouseTool(LinuxModel linux, dev.warden.config.JailhouseRelease release) {
        this.linux = linux;
        this.fs = linux.fs();
        this.release = release;
    }

    /** open("/dev/jailhouse"): the loaded module's driver, or the tool's error and exit 1. */
    private JailhouseDriver device(Shell.Terminal t) {
        return JailhouseModule.driverOf(linux).orElseThrow(() -> {
            t.print("opening " + JailhouseModule.DEVICE + ": No such file or directory\n");
            return new Failed();
        });
    }

    /** Thrown by the parsing helpers: print the usage and exit 1. */
    private static final class UsageError extends RuntimeException {
        UsageError() {
            super(null, null, false, false);
        }
    }

    /** A failure already reported on the terminal: exit 1. */
    private static final class Failed extends RuntimeException {
        Failed() {
            super(null, null, false, false);
        }
    }

    @Override
    public int run(List<String> argv, Shell.Terminal t) {
        try {
            return dispatch(argv, t);
        } catch (UsageError e) {
            t.print(USAGE);
            return 1;
        } catch (Failed e) {
            return 1;
        }
    }

    private int dispatch(List<String> a, Shell.Terminal t) {
        if (a.size() < 2) throw new UsageError();
        switch (a.get(1)) {
            case "--help" -> {
                t.print(USAGE);
                return 0;
            }
            case "--version" -> {
                t.print("Jailhouse management tool " + release.toolVersion() + "\n");
                return 0;
            }
            case "enable" -> {
                exactly(a, 3);
                JailhouseDriver driver = device(t);
                byte[] image = readFile(a.get(2), t);
                return ioctl("JAILHOUSE_ENABLE", t, () -> driver.enable(image, a.get(2)));
            }
            case "disable" -> {
                exactly(a, 2);
                JailhouseDriver driver = device(t);
                return ioctl("JAILHOUSE_DISABLE", t, driver::disable);
            }
            case "console" -> {
                return console(a, t);
            }
            case "cell" -> {
                return cell(a, t);
            }
            case "hardware" -> {
                if (a.size() == 3 && a.get(2).equals("check")) {
                    t.print("Unsupported architecture\n");
                    return 1;
                }
                throw new UsageError();
            }
            case "config" -> {
                if (a.size() >= 3 && List.of("create", "collect", "check").contains(a.get(2))) {
                    t.print("execvp: No such file or directory\n");
                    return 1;
                }
                throw new UsageError();
            }
            default -> throw new UsageError();
        }
    }

    private int cell(List<String> a, Shell.Terminal t) {
        if (a.size() < 3) throw new UsageError();
        switch (a.get(2)) {
            case "create" -> {
                exactly(a, 4);
                byte[] image = readFile(a.get(3), t);
                JailhouseDriver driver = device(t);
                return ioctl("JAILHOUSE_CELL_CREATE", t, () -> driver.createCell(image, a.get(3)));
            }
            case "list" -> {
                exactly(a, 3);
                list(t);
                return 0;
            }
            case "load" -> {
                return load(a, t);
            }
            case "start" -> {
                CellId id = cellId(a, 3, true);
                JailhouseDriver driver = device(t);
                return ioctl("JAILHOUSE_CELL_START", t, () -> driver.start(id));
            }
            case "shutdown" -> {
                CellId id = cellId(a, 3, true);
                JailhouseDriver driver = device(t);
                return ioctl("JAILHOUSE_CELL_LOAD", t, () -> driver.shutdown(id));
            }
            case "destroy" -> {
                CellId id = cellId(a, 3, true);
                JailhouseDriver driver = device(t);
                return ioctl("JAILHOUSE_CELL_DESTROY", t, () -> driver.destroy(id));
            }
            case "linux" -> {
                return new CellLinux(device(t), fs, this::resolve).run(a.subList(3, a.size()), t);
            }
            case "stats" -> {
                t.print("execvp: No such file or directory\n");
                return 1;
            }
            default -> throw new UsageError();
        }
    }

    /** {@code cell load ID IMAGE [-a ADDR] ... | -s STRING [-a ADDR] ...}: one ioctl with every image. */
    private int load(List<String> a, Shell.Terminal t) {
        int[] next = {3};
        CellId id = cellIdAt(a, next);
        List<JailhouseDriver.Image> images = new ArrayList<>();
        int i = next[0];
        if (i >= a.size()) throw new UsageError();
        while (i < a.size()) {
            byte[] data;
            String w = a.get(i);
            if (w.equals("-s") || w.equals("--string")) {
                if (i + 1 >= a.size()) throw new UsageError();
                data = (a.get(i + 1) + "\0").getBytes(StandardCharsets.ISO_8859_1);
                i += 2;
            } else {
                data = readFile(w, t);
                i++;
            }
            long address = 0;
            if (i < a.size() && (a.get(i).equals("-a") || a.get(i).equals("--address"))) {
                if (i + 1 >= a.size()) throw new UsageError();
                address = parseAddress(a.get(i + 1));
                i += 2;
            }
            images.add(new JailhouseDriver.Image(data, address));
        }
        JailhouseDriver driver = device(t);
        return ioctl("JAILHOUSE_CELL_LOAD", t, () -> driver.load(id, images));
    }

    private static long parseAddress(String text) {
        try {
            return Long.decode(text);
        } catch (NumberFormatException e) {
            throw new UsageError();
        }
    }

    /** {@code cell list}: the cells folder, sorted by alphasort of the id, read from sysfs. */
    private void list(Shell.Terminal t) {
        Optional<List<String>> ids = fs.list(JailhouseSysfs.ROOT + "/cells");
        if (ids.isEmpty() || ids.get().isEmpty()) return;
        StringBuilder sb = new StringBuilder(String.format("%-8s%-24s%-18s%-24s%-24s\n",
                "ID", "Name", "State", "Assigned CPUs", "Failed CPUs"));
        List<String> sorted = new ArrayList<>(ids.get());
        sorted.sort(null);
        for (String id : sorted) {
            String dir = JailhouseSysfs.ROOT + "/cells/" + id + "/";
            sb.append(String.format("%-8d%-24s%-18s%-24s%-24s\n", Integer.parseInt(id), sysfs(dir + "name"),
                    sysfs(dir + "state"), sysfs(dir + "cpus_assigned_list"), sysfs(dir + "cpus_failed_list")));
        }
        t.print(sb.toString());
    }

    private String sysfs(String path) {
        return fs.read(path).map(b -> new String(b, StandardCharsets.ISO_8859_1).strip()).orElse("");
    }

    private int console(List<String> a, Shell.Terminal t) {
        if (a.size() > 3 || (a.size() == 3 && !a.get(2).equals("-f") && !a.get(2).equals("--follow"))) {
            throw new UsageError();
        }
        JailhouseDriver driver = device(t);
        try {
            t.print(driver.console());
            return 0;
        } catch (DriverError e) {
            t.print("read(console): " + e.errno().strerror() + "\n");
            return 1;
        }
    }

    private CellId cellId(List<String> a, int index, boolean last) {
        int[] next = {index};
        CellId id = cellIdAt(a, next);
        if (last && next[0] != a.size()) throw new UsageError();
        return id;
    }

    private static CellId cellIdAt(List<String> a, int[] index) {
        int i = index[0];
        if (i >= a.size()) throw new UsageError();
        if (a.get(i).equals("--name")) {
            if (i + 1 >= a.size()) throw new UsageError();
            index[0] = i + 2;
            return CellId.byName(a.get(i + 1));
        }
        index[0] = i + 1;
        return CellId.parse(a.get(i));
    }

    private static void exactly(List<String> a, int words) {
        if (a.size() != words) throw new UsageError();
    }

    /** A path as typed: relative to the shell's working directory. */
    private String resolve(String path) {
        return linux.shell().map(sh -> sh.resolve(path)).orElse(path);
    }

    private byte[] readFile(String path, Shell.Terminal t) {
        String resolved = resolve(path);
        Optional<byte[]> data = fs.read(resolved);
        if (data.isEmpty()) {
            t.print("opening " + path + ": No such file or directory\n");
            throw new Failed();
        }
        return data.get();
    }

    private static int ioctl(String name, Shell.Terminal t, Runnable call) {
        try {
            call.run();
            return 0;
        } catch (DriverError e) {
            t.print(name + ": " + e.errno().strerror() + "\n");
            return 1;
        }
    }
}
