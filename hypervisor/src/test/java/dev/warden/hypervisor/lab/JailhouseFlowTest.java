package dev.warden.hypervisor.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import org.junit.jupiter.api.Test;

/** The root shell drives the hypervisor model the way a user on the board does. */
class JailhouseFlowTest {

    static final long SECOND = 1_000_000_000L;

    static Lab bootedAndLoggedIn(String board, BootRequest request) {
        Lab lab = Lab.powerOn(board, request);
        String host = lab.board().profile().boot().login().hostname();
        assertThat(lab.waitFor(ConsoleRole.PRIMARY, host + " login: ", 0, 60 * SECOND)).isPositive();
        lab.console(ConsoleRole.PRIMARY).type("root\n");
        assertThat(lab.waitFor(ConsoleRole.PRIMARY, "root@" + host + ":~# ", 0, 5 * SECOND)).isPositive();
        return lab;
    }

    static String run(Lab lab, String command) {
        Console c = lab.console(ConsoleRole.PRIMARY);
        int start = c.length();
        c.type(command + "\n");
        String prompt = "root@" + lab.board().profile().boot().login().hostname() + ":~# ";
        lab.waitFor(ConsoleRole.PRIMARY, prompt, start + command.length(), SECOND);
        return c.text().substring(start);
    }

    @Test
    void enableCreateListDestroyDisableOnQemu() {
        try (Lab lab = bootedAndLoggedIn("k3-am654-idk", BootRequest.defaults().overlays(java.util.List.of("k3-am654-idk-jailhouse.dtbo")))) {
            String enable = run(lab, "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell");
            String create = run(lab, "jailhouse cell create /usr/share/jailhouse/cells/k3-am654-idk-inmate-demo.cell");
            String list = run(lab, "jailhouse cell list");
            String destroy = run(lab, "jailhouse cell destroy inmate-demo");
            String disable = run(lab, "jailhouse disable");
            System.out.println(lab.console(ConsoleRole.PRIMARY).text());
            assertThat(enable).contains("Activating hypervisor").contains("The Jailhouse is opening.");
            assertThat(list).contains("running");
        }
    }
}
