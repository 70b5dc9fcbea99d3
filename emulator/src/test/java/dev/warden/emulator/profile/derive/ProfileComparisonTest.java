package dev.warden.emulator.profile.derive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.profile.BoardProfiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What `warden board init` derives from each built-in board's tree (with its Jailhouse overlay),
 * compared with the hand-written profile: every difference is listed here with its reason. A
 * difference not listed, or listed but gone, fails the test, so a change of the derivation (or of
 * a hand-written profile) has to be explained.
 */
class ProfileComparisonTest {

    /** board -> "key: detail" -> reason */
    static final Map<String, Map<String, String>> EXPLAINED = new LinkedHashMap<>();

    static void explain(String board, String difference, String reason) {
        EXPLAINED.computeIfAbsent(board, b -> new LinkedHashMap<>()).put(difference, reason);
    }

    static {
        String psci = "the tree's PSCI node says arm,psci-1.0 (the binding); the hand-written profile states the 1.1 "
                + "that TF-A reports at run time, which no tree property gives";
        String uboot = "U-Boot's version, SoC line and the root file system's login banner are what the real board's "
                + "firmware prints; the tree cannot know them (TODOs in the derived file)";
        String host = "the hostname is the board's name by default; the hand-written one copies the real image's";
        String ram = "derived banks are named after their order (ram0, ram1); the hand-written names are free text";

        explain("k3-am654-idk", "ram: derived [ram0@0x80000000+0x80000000, ram1@0x880000000+0x80000000], hand-written "
                + "[ddr-low@0x80000000+0x80000000, ddr-high@0x880000000+0x80000000]", ram);
        explain("k3-am654-idk", "psci.version: derived 1.0, hand-written 1.1", psci);
        explain("k3-am654-idk", "boot.dtb: derived ti/k3-am654-base-board.dtb, hand-written dtb/ti/k3-am654-base-board.dtb",
                "the DTB lies under dtb/, so board init picks the current layout (paths from dtb/); the hand-written "
                        + "profile models the 2019 SDK's U-Boot (paths from the media's top), which the seed transcript ran");
        explain("k3-am654-idk", "boot.u-boot.environment: derived ti-current, hand-written ti-2019",
                "same reason: the 2019 SDK's overlay_files layout cannot be told from the tree");
        explain("k3-am654-idk", "boot.u-boot.version: derived 2023.04, hand-written 2019.01-g7b8e8b1e5c", uboot);
        explain("k3-am654-idk", "boot.u-boot.soc: derived , hand-written AM65X SR1.0", uboot);
        explain("k3-am654-idk", "boot.u-boot.addresses: derived 0x88000000/0x89000000/0x82000000, hand-written "
                + "0x82000000/0x83000000/0x80080000", "board init uses TI's current load addresses (first bank + 128 MiB, "
                + "+ 144 MiB, + 32 MiB); the 2019 SDK loaded lower");
        explain("k3-am654-idk", "boot.login.hostname: derived k3-am654-idk, hand-written am65xx-evm", host);
        explain("k3-am654-idk", "boot.login.distribution: derived Debian GNU/Linux 12, hand-written Arago 2019.07", uboot);
        explain("k3-am654-idk", "boot.login.banner: derived none, hand-written arago", uboot);
        explain("k3-am654-idk", "boot.login.shell-cpu: derived 0, hand-written 2",
                "the CPU the login shell runs on is a fact of the seed transcript, not of the hardware");

        explain("k3-j721e-evm", "ram: derived [ram0@0x80000000+0x80000000, ram1@0x880000000+0x80000000], hand-written "
                + "[ddr-low@0x80000000+0x80000000, ddr-high@0x880000000+0x80000000]", ram);
        explain("k3-j721e-evm", "psci.version: derived 1.0, hand-written 1.1", psci);
        explain("k3-j721e-evm", "devices.ctrl_mmr0: only hand-written: ctrl_mmr0 (memory-mapped) at 0x100000+0x20000",
                "the fixture tree does not describe CTRL_MMR0 (TI's regmap unit needs it); with no node there is "
                        + "nothing to derive");
        explain("k3-j721e-evm", "boot.u-boot.version: derived 2023.04, hand-written 2020.01-g2781231a33", uboot);
        explain("k3-j721e-evm", "boot.u-boot.soc: derived , hand-written J721E SR1.0", uboot);
        explain("k3-j721e-evm", "boot.login.hostname: derived k3-j721e-evm, hand-written j7-evm", host);
        explain("k3-j721e-evm", "boot.login.distribution: derived Debian GNU/Linux 12, hand-written Arago 2020.09", uboot);
        explain("k3-j721e-evm", "boot.login.banner: derived none, hand-written arago", uboot);

        explain("qemu-arm64-virt", "description: derived linux,dummy-virt, hand-written QEMU virt (arm64, GICv3)",
                "the description is the tree's model property, which QEMU sets to linux,dummy-virt");
        explain("qemu-arm64-virt", "timer.frequency: derived 200000000, hand-written 62500000",
                "QEMU's tree has no clock-frequency on /timer (the firmware sets CNTFRQ_EL0): the default with a TODO");
        explain("qemu-arm64-virt", "psci.version: derived 1.0, hand-written 1.1", psci);
        explain("qemu-arm64-virt", "boot.u-boot.version: derived 2023.04, hand-written 2023.01+dfsg-2", uboot);
        explain("qemu-arm64-virt", "boot.u-boot.addresses: derived 0x48000000/0x49000000/0x42000000, hand-written "
                + "0x40000000/0x40200000/0x40400000", "board init uses one layout for every bank of 256 MiB or more "
                + "(TI's offsets); the hand-written profile packs them at the base as QEMU's U-Boot does");
        explain("qemu-arm64-virt", "boot.login.hostname: derived qemu-arm64-virt, hand-written demo", host);
        explain("qemu-arm64-virt", "software: derived {jailhouse=upstream}, hand-written {jailhouse=upstream, "
                + "jailhouse-module=insmod}", "whether the root file system loads jailhouse.ko at boot is a fact of the "
                + "image (jailhouse-images' QEMU image leaves it to insmod), not of the tree: board init keeps the default");
        explain("qemu-arm64-virt", "boot.login.distribution: derived Debian GNU/Linux 12, hand-written Debian GNU/Linux 11",
                uboot);
        String names = "QEMU's tree has no labels; a derived device is named after its node, the hand-written one is short";
        explain("qemu-arm64-virt", "devices.uart0.name: derived pl011_9000000, hand-written uart0", names);
        explain("qemu-arm64-virt", "devices.intc.name: derived intc_8000000, hand-written intc", names);
        explain("qemu-arm64-virt", "devices.fw-cfg.name: derived fw-cfg_9020000, hand-written fw-cfg", names);
        explain("qemu-arm64-virt", "devices.gpio.name: derived pl061_9030000, hand-written gpio", names);
        explain("qemu-arm64-virt", "devices.pcie.name: derived pcie_10000000, hand-written pcie", names);
        explain("qemu-arm64-virt", "devices.rtc.name: derived pl031_9010000, hand-written rtc", names);
        explain("qemu-arm64-virt", "devices.flash.name: derived flash_0, hand-written flash", names);
        explain("qemu-arm64-virt", "consoles.primary: derived pl011_9000000, hand-written uart0", names);
        explain("qemu-arm64-virt", "consoles.secondary: derived pl011_9000000, hand-written uart0", names);
        explain("qemu-arm64-virt", "consoles.hypervisor: derived pl011_9000000, hand-written uart0", names);
        explain("qemu-arm64-virt", "devices.pcie.irq: derived -1, hand-written 35",
                "the host's legacy interrupts are in its interrupt-map (SPIs 3-6), not an interrupts property; the "
                        + "hand-written profile names the first, board init none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"k3-am654-idk", "k3-j721e-evm", "qemu-arm64-virt"})
    void everyDifferenceFromTheHandWrittenProfileIsExplained(String board) {
        BoardProfile derived = ProfileFromTreeTest.load(BuiltinTrees.derive(board));
        BoardProfile written = BoardProfiles.byName(BuiltinTrees.ROOT.resolve("board-profiles"), board);
        Map<String, String> explained = EXPLAINED.getOrDefault(board, Map.of());

        List<String> unexplained = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (ProfileDiff.Difference d : ProfileDiff.between(derived, written)) {
            if (explained.containsKey(d.toString())) {
                seen.add(d.toString());
            } else if (!splitCompatible(d)) {
                unexplained.add(d.toString());
            }
        }
        List<String> stale = new ArrayList<>(explained.keySet());
        stale.removeAll(seen);

        assertThat(unexplained).as("differences from board-profiles/%s.yaml without a reason", board).isEmpty();
        assertThat(stale).as("explained differences that no longer occur for %s", board).isEmpty();
    }

    /**
     * The hand-written profiles write compatibles as a plain flow list ({@code [arm,gic-v3]}), which
     * YAML reads as two strings split at the comma; board init quotes each one. Explained only when
     * the hand-written list is exactly the derived one split that way.
     */
    private static boolean splitCompatible(ProfileDiff.Difference d) {
        if (!d.key().endsWith(".compatible")) return false;
        String[] parts = d.detail().split(", hand-written ");
        String derived = parts[0].substring("derived ".length());
        String split = String.join(", ", java.util.Arrays.stream(derived.substring(1, derived.length() - 1).split(", "))
                .map(c -> c.replace(",", ", ")).toList());
        return parts.length == 2 && ("[" + split + "]").equals(parts[1]);
    }
}
