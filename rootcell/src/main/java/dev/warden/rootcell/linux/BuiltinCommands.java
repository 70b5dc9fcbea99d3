package dev.warden.rootcell.linux;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The coreutils a demo types: cat, ls, echo, mount, dmesg, uname, hostname, devmem, hexdump, true, false. */
final class BuiltinCommands {

    private BuiltinCommands() {}

    /** {@code hexdump -C FILE}: offset, 16 bytes in hex (two groups of 8), the printable characters. */
    static int hexdump(List<String> args, Shell.Terminal t, RootFs fs) {
        if (args.size() != 3 || !args.get(1).equals("-C")) {
            t.print("usage: hexdump -C FILE\n");
            return 1;
        }
        Optional<byte[]> content = fs.read(args.get(2));
        if (content.isEmpty()) {
            t.print("hexdump: " + args.get(2) + ": No such file or directory\n");
            return 1;
        }
        byte[] b = content.get();
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off < b.length; off += 16) {
            sb.append(String.format("%08x ", off));
            StringBuilder ascii = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                if (i == 8) sb.append(' ');
                if (off + i < b.length) {
                    int v = b[off + i] & 0xff;
                    sb.append(String.format(" %02x", v));
                    ascii.append(v >= 0x20 && v < 0x7f ? (char) v : '.');
                } else {
                    sb.append("   ");
                }
            }
            sb.append("  |").append(ascii).append("|\n");
        }
        sb.append(String.format("%08x\n", b.length));
        t.print(sb.toString());
        return 0;
    }

    /**
     * busybox {@code devmem ADDRESS [WIDTH [VALUE]]}: reads or writes physical memory through the
     * kernel's memory path (once Jailhouse is enabled, the root cell's stage 2).
     */
    static int devmem(List<String> args, Shell.Terminal t, LinuxModel kernel) {
        if (args.size() < 2 || args.size() > 4) {
            t.print("BusyBox v1.31.1 multi-call binary.\n\nUsage: devmem ADDRESS [WIDTH [VALUE]]\n");
            return 1;
        }
        long address;
        int bits;
        try {
            address = Long.decode(args.get(1));
            bits = args.size() > 2 ? Integer.parseInt(args.get(2)) : 32;
        } catch (NumberFormatException e) {
            t.print("devmem: invalid number '" + args.get(args.size() > 2 ? 2 : 1) + "'\n");
            return 1;
        }
        if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
            t.print("devmem: invalid width '" + bits + "'\n");
            return 1;
        }
        if (args.size() == 4) {
            kernel.memory().write(address, bits / 8, Long.decode(args.get(3)));
            return 0;
        }
        long value = kernel.memory().read(address, bits / 8);
        t.print(String.format("0x%0" + (bits / 4) + "X\n", value));
        return 0;
    }

    static void register(Shell shell, Map<String, ShellCommand> commands, RootFs fs, LinuxModel kernel) {
        commands.put("cat", (args, t) -> {
            int rc = 0;
            for (String path : args.subList(1, args.size())) {
                Optional<byte[]> content = fs.read(path);
                if (content.isEmpty()) {
                    t.print("cat: " + path + ": " + (fs.list(path).isPresent() ? "Is a directory" : "No such file or directory") + "\n");
                    rc = 1;
                } else {
                    t.print(new String(content.get(), StandardCharsets.ISO_8859_1));
                }
            }
            return rc;
        });
        commands.put("ls", (args, t) -> {
            String path = args.size() > 1 ? args.get(args.size() - 1) : "/home/root";
            Optional<List<String>> entries = fs.list(path);
            if (entries.isEmpty()) {
                if (fs.read(path).isPresent()) {
                    t.print(path + "\n");
                    return 0;
                }
                t.print("ls: cannot access '" + path + "': No such file or directory\n");
                return 2;
            }
            if (!entries.get().isEmpty()) t.print(String.join("  ", entries.get()) + "\n");
            return 0;
        });
        commands.put("echo", (args, t) -> {
            t.print(String.join(" ", args.subList(1, args.size())) + "\n");
            return 0;
        });
        commands.put("mount", (args, t) -> {
            for (String line : new String(fs.read("/proc/mounts").orElseThrow(), StandardCharsets.ISO_8859_1).split("\n")) {
                String[] f = line.split(" ");
                if (f.length >= 4) t.print(f[0] + " on " + f[1] + " type " + f[2] + " (" + f[3] + ")\n");
            }
            return 0;
        });
        commands.put("dmesg", (args, t) -> {
            for (String line : kernel.dmesg()) t.print(line + "\n");
            return 0;
        });
        commands.put("uname", (args, t) -> {
            String release = kernel.version().split(" ")[0];
            t.print(args.contains("-a")
                    ? "Linux " + shell.hostname().orElse("") + " " + release + " #1 SMP PREEMPT aarch64 GNU/Linux\n"
                    : args.contains("-r") ? release + "\n" : "Linux\n");
            return 0;
        });
        commands.put("hostname", (args, t) -> {
            t.print(shell.hostname().orElse("") + "\n");
            return 0;
        });
        commands.put("devmem", (args, t) -> devmem(args, t, kernel));
        commands.put("hexdump", (args, t) -> hexdump(args, t, fs));
        commands.put("insmod", (args, t) -> {
            if (args.size() < 2) {
                t.print("Usage: insmod FILE [SYMBOL=VALUE]...\n");
                return 1;
            }
            String file = shell.resolve(args.get(1));
            Optional<byte[]> content = fs.read(file);
            if (content.isEmpty()) {
                t.print("insmod: can't read '" + args.get(1) + "': No such file or directory\n");
                return 1;
            }
            Optional<dev.warden.emulator.el2.Errno> err = kernel.modules().insert(content.get());
            if (err.isEmpty()) return 0;
            t.print("insmod: can't insert '" + args.get(1) + "': " + err.get().strerror() + "\n");
            return err.get().number();
        });
        commands.put("rmmod", (args, t) -> {
            if (args.size() < 2) {
                t.print("Usage: rmmod [-wfa] MODULE...\n");
                return 1;
            }
            String name = args.get(1).replaceAll("\\.ko$", "");
            name = name.substring(name.lastIndexOf('/') + 1);
            Optional<dev.warden.emulator.el2.Errno> err = kernel.modules().remove(name);
            if (err.isEmpty()) return 0;
            t.print("rmmod: can't unload module '" + name + "': " + err.get().strerror() + "\n");
            return 1;
        });
        commands.put("cd", (args, t) -> {
            String dir = shell.resolve(args.size() > 1 ? args.get(1) : shell.home());
            if (fs.list(dir).isEmpty()) {
                t.print("-sh: cd: can't cd to " + args.get(1) + ": No such file or directory\n");
                return 2;
            }
            shell.cwd(dir);
            return 0;
        });
        commands.put("pwd", (args, t) -> {
            t.print(shell.cwd() + "\n");
            return 0;
        });
        commands.put("true", (args, t) -> 0);
        commands.put("false", (args, t) -> 1);
    }
}
