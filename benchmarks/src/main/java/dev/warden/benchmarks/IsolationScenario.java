package dev.warden.benchmarks;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import dev.warden.lab.BootRequest;
import dev.warden.lab.Lab;
import dev.warden.steps.inmates.ProbeParameters;
import java.util.List;

/**
 * The isolation scenario the benchmarks time, as features/isolation/mmio-probe.feature's first
 * one runs it: the AM654 IDK boots with its Jailhouse overlay, root logs in, enables the
 * hypervisor and creates the inmate cell; the mmio-probe inmate writes to the root cell's UART
 * and is parked. Each part fails loudly when the board does not do what the scenario expects.
 */
final class IsolationScenario {

    static final long MS = 1_000_000L;
    static final String BOARD = Fixtures.BOARD;

    private IsolationScenario() {}

    /** Powered on, booted, logged in as root. */
    static Lab booted() {
        Lab lab = Lab.powerOn(BOARD, BootRequest.defaults().overlays(List.of("k3-am654-idk-jailhouse.dtbo")));
        expect(lab.waitFor(ConsoleRole.PRIMARY, host(lab) + " login: ", 0, 60_000 * MS) > 0, lab, "no login prompt");
        run(lab, "root");
        return lab;
    }

    /** The Background: the hypervisor enabled with the root cell, the inmate cell created. */
    static void enabledWithCell(Lab lab) {
        run(lab, "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell");
        run(lab, "jailhouse cell create /usr/share/jailhouse/cells/k3-am654-idk-inmate-demo.cell");
    }

    /** The scenario proper: the probe writes to the root's UART and its CPU is parked. */
    static int probeIsParked(Lab lab) {
        lab.linux().fs().putBytes("/home/root/probe.bin", ProbeParameters.of(List.of("write32 0x02800000 0x41")));
        run(lab, "jailhouse cell load inmate-demo /usr/share/jailhouse/inmates/mmio-probe.bin /home/root/probe.bin -a 0x1000");
        run(lab, "jailhouse cell start inmate-demo");
        int at = lab.waitFor(ConsoleRole.HYPERVISOR, "Unhandled data write at 0x2800000(4)", 0, 10 * MS);
        expect(at > 0, lab, "the probe was not parked");
        return at;
    }

    private static void run(Lab lab, String line) {
        Console c = lab.console(ConsoleRole.PRIMARY);
        int from = c.length();
        c.type(line + "\n");
        expect(lab.waitFor(ConsoleRole.PRIMARY, "root@" + host(lab) + ":~# ", from, 5_000 * MS) > 0, lab, "no prompt after " + line);
    }

    private static String host(Lab lab) {
        return lab.board().profile().boot().login().hostname();
    }

    private static void expect(boolean ok, Lab lab, String what) {
        if (!ok) {
            throw new IllegalStateException("isolation scenario: " + what + "\n" + lab.console(ConsoleRole.PRIMARY).text()
                    + "\n" + lab.console(ConsoleRole.HYPERVISOR).text());
        }
    }
}
