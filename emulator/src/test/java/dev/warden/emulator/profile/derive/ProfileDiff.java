package dev.warden.emulator.profile.derive;

import dev.warden.emulator.profile.BoardProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Field-by-field differences between a derived profile and a hand-written one, each with a key
 * (the field) and the two values, so that a test can explain every one of them.
 */
final class ProfileDiff {

    record Difference(String key, String detail) {
        @Override
        public String toString() {
            return key + ": " + detail;
        }
    }

    private final List<Difference> out = new ArrayList<>();

    private ProfileDiff() {}

    static List<Difference> between(BoardProfile derived, BoardProfile written) {
        ProfileDiff d = new ProfileDiff();
        d.compare(derived, written);
        return d.out;
    }

    private void compare(BoardProfile a, BoardProfile b) {
        field("description", a.description(), b.description());
        field("cpus", cpus(a), cpus(b));
        field("ram", a.ram().stream().map(r -> r.name() + "@" + hex(r.base()) + "+" + hex(r.size())).toList(),
                b.ram().stream().map(r -> r.name() + "@" + hex(r.base()) + "+" + hex(r.size())).toList());
        field("timer.frequency", a.timerFrequencyHz(), b.timerFrequencyHz());
        field("psci.conduit", a.psci().conduit(), b.psci().conduit());
        field("psci.version", a.psci().version(), b.psci().version());
        for (BoardProfile.Device x : a.devices()) {
            Optional<BoardProfile.Device> y = at(b, x.primary().base());
            if (y.isEmpty()) {
                out.add(new Difference("devices." + x.name(), "only derived: " + describe(x)));
            } else {
                device(x, y.get());
            }
        }
        for (BoardProfile.Device y : b.devices()) {
            if (at(a, y.primary().base()).isEmpty()) out.add(new Difference("devices." + y.name(), "only hand-written: " + describe(y)));
        }
        field("consoles.primary", a.consoles().primary(), b.consoles().primary());
        field("consoles.secondary", a.consoles().secondary().orElse("-"), b.consoles().secondary().orElse("-"));
        field("consoles.hypervisor", a.consoles().hypervisor().orElse("-"), b.consoles().hypervisor().orElse("-"));
        BoardProfile.Boot x = a.boot();
        BoardProfile.Boot y = b.boot();
        field("boot.media", x.media(), y.media());
        field("boot.dtb", x.baseDtb(), y.baseDtb());
        field("boot.u-boot.environment", x.ubootEnvironment(), y.ubootEnvironment());
        field("boot.u-boot.version", x.ubootVersion(), y.ubootVersion());
        field("boot.u-boot.soc", x.socName(), y.socName());
        field("boot.u-boot.addresses", hex(x.fdtAddress()) + "/" + hex(x.overlayAddress()) + "/" + hex(x.kernelAddress()),
                hex(y.fdtAddress()) + "/" + hex(y.overlayAddress()) + "/" + hex(y.kernelAddress()));
        field("boot.login.hostname", x.login().hostname(), y.login().hostname());
        field("boot.login.tty", x.login().tty(), y.login().tty());
        field("boot.login.distribution", x.login().distribution(), y.login().distribution());
        field("boot.login.banner", x.login().banner(), y.login().banner());
        field("boot.login.shell-cpu", x.login().shellCpu(), y.login().shellCpu());
        field("software", new java.util.TreeMap<>(a.software()), new java.util.TreeMap<>(b.software()));
    }

    private void device(BoardProfile.Device x, BoardProfile.Device y) {
        String key = "devices." + y.name();
        field(key + ".name", x.name(), y.name());
        field(key + ".kind", x.kind(), y.kind());
        field(key + ".compatible", x.compatible(), y.compatible());
        field(key + ".regions", regions(x), regions(y));
        field(key + ".irq", x.irq(), y.irq());
        field(key + ".clock", x.clockHz(), y.clockHz());
        field(key + ".reg-shift", x.regShift(), y.regShift());
    }

    private static Optional<BoardProfile.Device> at(BoardProfile p, long base) {
        return p.devices().stream().filter(d -> d.primary().base() == base).findFirst();
    }

    private void field(String key, Object derived, Object written) {
        if (!Objects.equals(derived, written)) out.add(new Difference(key, "derived " + derived + ", hand-written " + written));
    }

    private static String cpus(BoardProfile p) {
        return p.cpus().stream().map(c -> c.name() + "=" + hex(c.mpidr()) + "/" + c.core()).collect(Collectors.joining(" "));
    }

    private static String regions(BoardProfile.Device d) {
        return d.regions().stream().map(r -> hex(r.base()) + "+" + hex(r.size())).collect(Collectors.joining(" "));
    }

    private static String describe(BoardProfile.Device d) {
        return d.name() + " (" + d.kind() + ") at " + regions(d);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
