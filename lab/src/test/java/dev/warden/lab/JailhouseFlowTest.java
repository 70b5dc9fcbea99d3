package dev.warden.lab;

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
    void createThenDestroyGivesBackCpusAndThePoolPagesJailhouseGivesBack() {
        try (Lab lab = bootedAndLoggedIn("k3-am654-idk", BootRequest.defaults().overlays(java.util.List.of("k3-am654-idk-jailhouse.dtbo")))) {
            String enable = run(lab, "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell");
            String afterLate = between(enable, "Page pool usage after late setup: ", "\n");
            String create = run(lab, "jailhouse cell create /usr/share/jailhouse/cells/k3-am654-idk-inmate-demo.cell");
            String list = run(lab, "jailhouse cell list");
            String destroy = run(lab, "jailhouse cell destroy inmate-demo");
            String disable = run(lab, "jailhouse disable");

            assertThat(enable).containsSubsequence("Initializing Jailhouse hypervisor", " CPU 2... OK", " CPU 0... OK",
                    "Initializing unit: PCI", "Activating hypervisor", "The Jailhouse is opening.");
            assertThat(create).containsSubsequence("CPU1: shutdown", "psci: CPU1 killed.", "Created cell \"inmate-demo\"",
                    "Created Jailhouse cell \"inmate-demo\"");
            assertThat(list).contains(String.format("%-8d%-24s%-18s%-24s%-24s\n", 1, "inmate-demo", "shut down", "1", ""));
            assertThat(list).contains(String.format("%-8d%-24s%-18s", 0, "k3-am654-idk", "running") + "0,2-3");
            // all but one page: the root cell keeps the level-3 table that splitting its 2 MiB block
            // for the cell's RAM allocated (Jailhouse never merges pages back into a block)
            assertThat(afterLate).isEqualTo("mem 73/994, remap 144/131072");
            assertThat(between(destroy, "Page pool usage after cell destruction: ", "\n"))
                    .isEqualTo("mem 74/994, remap 144/131072");
            assertThat(destroy).contains("CPU1: Booted secondary processor");
            assertThat(disable).contains("The Jailhouse was closed.");
            assertThat(lab.linux().onlineCpus()).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void aSecondEnableIsBusy() {
        try (Lab lab = bootedAndLoggedIn("k3-am654-idk", BootRequest.defaults().overlays(java.util.List.of("k3-am654-idk-jailhouse.dtbo")))) {
            run(lab, "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell");
            String again = run(lab, "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell");
            String status = run(lab, "echo $?");

            assertThat(again).contains("JAILHOUSE_ENABLE: Device or resource busy");
            assertThat(status).contains("\n1\n");
        }
    }

    private static String between(String text, String from, String to) {
        int a = text.indexOf(from);
        assertThat(a).as("'%s' in:%n%s", from, text).isNotNegative();
        int b = text.indexOf(to, a + from.length());
        return text.substring(a + from.length(), b);
    }
}
