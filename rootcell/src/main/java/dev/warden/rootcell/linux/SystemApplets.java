package dev.warden.rootcell.linux;

import dev.warden.emulator.el2.Errno;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The applets that talk to the kernel rather than to files: uname, hostname, dmesg, mount, devmem,
 * insmod, rmmod, sleep, poweroff.
 */
final class SystemApplets {

    private SystemApplets() {}

    static void register(ShellInterpreter shell) {
        shell.register("uname", SystemApplets::uname);
        shell.register("hostname", call -> {
            call.out().print(call.kernel().login().hostname() + "\n");
            return 0;
        });
        shell.register("dmesg", call -> {
            StringBuilder sb = new StringBuilder();
            for (String line : call.kernel().dmesg()) sb.append(line).append('\n');
            call.out().print(sb.toString());
            return 0;
        });
        shell.register("mount", SystemApplets::mount);
        shell.register("devmem", SystemApplets::devmem);
        shell.register("insmod", SystemApplets::insmod);
        shell.register("rmmod", SystemApplets::rmmod);
        shell.register("sleep", SystemApplets::sleep);
        shell.register("poweroff", SystemApplets::poweroff);
    }

    /** uname [-snrvmoa]; -a in Warden's long-standing form. */
    static int uname(Invocation call) {
        Options o;
        try {
            o = Options.parse(call.operands(), "asnrvmpo");
        } catch (Options.Error e) {
            return Usage.bad(call, e, "uname [-amnrspvio]", "Print system information", 1);
        }
        LinuxModel kernel = call.kernel();
        String host = kernel.login().hostname();
        String release = kernel.version().split(" ")[0];
        if (o.has('a')) {
            call.out().print("Linux " + host + " " + release + " #1 SMP PREEMPT aarch64 GNU/Linux\n");
            return 0;
        }
        StringBuilder sb = new StringBuilder();
        String[][] fields = {{"s", "Linux"}, {"n", host}, {"r", release}, {"v", "#1 SMP PREEMPT"}, {"m", "aarch64"},
                {"p", "unknown"}, {"o", "GNU/Linux"}};
        for (String[] f : fields) {
            if (o.has(f[0].charAt(0))) sb.append(sb.length() > 0 ? " " : "").append(f[1]);
        }
        call.out().print((sb.length() == 0 ? "Linux" : sb) + "\n");
        return 0;
    }

    static int mount(Invocation call) {
        StringBuilder sb = new StringBuilder();
        for (String line : new String(call.fs().read("/proc/mounts").orElseThrow(), StandardCharsets.ISO_8859_1).split("\n")) {
            String[] f = line.split(" ");
            if (f.length >= 4) sb.append(f[0]).append(" on ").append(f[1]).append(" type ").append(f[2])
                    .append(" (").append(f[3]).append(")\n");
        }
        call.out().print(sb.toString());
        return 0;
    }

    /**
     * devmem ADDRESS [WIDTH [VALUE]]: reads or writes physical memory through the kernel's memory
     * path (once Jailhouse is enabled, the root cell's stage 2).
     */
    static int devmem(Invocation call) {
        List<String> args = call.args();
        if (args.size() < 2 || args.size() > 4) {
            return Usage.show(call, "devmem ADDRESS [WIDTH [VALUE]]", "Read/write from physical address", 1);
        }
        long address;
        int bits;
        try {
            address = Long.decode(args.get(1));
            bits = args.size() > 2 ? Integer.parseInt(args.get(2)) : 32;
        } catch (NumberFormatException e) {
            call.error("invalid number '" + args.get(args.size() > 2 ? 2 : 1) + "'");
            return 1;
        }
        if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
            call.error("invalid width '" + bits + "'");
            return 1;
        }
        if (args.size() == 4) {
            call.kernel().memory().write(address, bits / 8, Long.decode(args.get(3)));
            return 0;
        }
        long value = call.kernel().memory().read(address, bits / 8);
        call.out().print(String.format("0x%0" + (bits / 4) + "X\n", value));
        return 0;
    }

    /** insmod FILE: the errno of a refused module is the exit status (17 for a module already loaded). */
    static int insmod(Invocation call) {
        List<String> args = call.args();
        if (args.size() < 2) return Usage.show(call, "insmod FILE [SYMBOL=VALUE]...", "Load kernel module", 1);
        Optional<byte[]> content = call.fs().read(call.resolve(args.get(1)));
        if (content.isEmpty()) {
            call.error("can't read '" + args.get(1) + "': " + FileError.ENOENT.strerror());
            return 1;
        }
        Optional<Errno> err = call.kernel().modules().insert(content.get());
        if (err.isEmpty()) return 0;
        call.error("can't insert '" + args.get(1) + "': " + err.get().strerror());
        return err.get().number();
    }

    /** rmmod MODULE: status 1 when the kernel refuses (a module in use: "Resource temporarily unavailable"). */
    static int rmmod(Invocation call) {
        List<String> args = call.args();
        if (args.size() < 2) return Usage.show(call, "rmmod [-wfa] [MODULE]...", "Unload kernel modules", 1);
        String name = args.get(1).replaceAll("\\.ko$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        Optional<Errno> err = call.kernel().modules().remove(name);
        if (err.isEmpty()) return 0;
        call.error("can't unload module '" + name + "': " + err.get().strerror());
        return 1;
    }

    /**
     * sleep N[smhd]...: the shell comes back after the sum of the arguments in board time; the board,
     * its cells included, runs on meanwhile.
     */
    static int sleep(Invocation call) {
        List<String> args = call.operands();
        if (args.isEmpty()) {
            return Usage.show(call, "sleep [N]...", "Pause for a time equal to the total of the args given, where each arg can\n"
                    + "have an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays", 1);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (String a : args) {
            Optional<BigDecimal> seconds = seconds(a);
            if (seconds.isEmpty()) {
                call.error("invalid number '" + a + "'");
                return 1;
            }
            total = total.add(seconds.get());
        }
        call.sleep(total.movePointRight(9).longValue());
        return 0;
    }

    private static Optional<BigDecimal> seconds(String a) {
        long unit = 1;
        String number = a;
        if (!a.isEmpty() && "smhd".indexOf(a.charAt(a.length() - 1)) >= 0) {
            unit = switch (a.charAt(a.length() - 1)) {
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                default -> 1;
            };
            number = a.substring(0, a.length() - 1);
        }
        if (!number.matches("\\d+(\\.\\d*)?|\\.\\d+")) return Optional.empty();
        return Optional.of(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
    }

    /**
     * poweroff [-f]: the kernel's last word, then the board stops. (Without -f busybox asks init to
     * shut down first; init's messages are not modeled, the end is the same.)
     */
    static int poweroff(Invocation call) {
        Options o;
        try {
            o = Options.parse(call.operands(), "d:nf");
        } catch (Options.Error e) {
            return Usage.bad(call, e, "poweroff [-d DELAY] [-nf]", "Halt and shut off power", 1);
        }
        call.kernel().powerOff();
        return 0;
    }
}
