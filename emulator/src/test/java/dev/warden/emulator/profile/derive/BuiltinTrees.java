package dev.warden.emulator.profile.derive;

import dev.warden.devicetree.board.BoardTree;
import java.nio.file.Path;
import java.util.List;

/** The built-in boards' device trees and Jailhouse overlays, as the derivation tests read them. */
final class BuiltinTrees {

    static final Path ROOT = Path.of(System.getProperty("warden.root", "..")).toAbsolutePath().normalize();

    static final List<String> BOARDS = List.of("k3-am654-idk", "k3-j721e-evm", "qemu-arm64-virt");

    private BuiltinTrees() {}

    static Path boot(String board) {
        return ROOT.resolve("firmware-fixtures").resolve(board).resolve("boot");
    }

    static Path dtb(String board) {
        return switch (board) {
            case "k3-am654-idk" -> boot(board).resolve("dtb/ti/k3-am654-base-board.dtb");
            case "k3-j721e-evm" -> boot(board).resolve("dtb/ti/k3-j721e-common-proc-board.dtb");
            default -> boot(board).resolve("dtb/qemu-arm64-virt.dtb");
        };
    }

    static Path overlay(String board) {
        return switch (board) {
            case "k3-am654-idk" -> boot(board).resolve("dtb/ti/k3-am654-idk-jailhouse.dtbo");
            case "k3-j721e-evm" -> boot(board).resolve("dtb/ti/k3-j721e-evm-jailhouse.dtbo");
            default -> boot(board).resolve("dtb/qemu-arm64-virt-jailhouse.dtbo");
        };
    }

    static BoardTree tree(String board) {
        return BoardTree.load(dtb(board), List.of(overlay(board)));
    }

    static DerivedProfile derive(String board) {
        return ProfileFromTree.derive(new ProfileFromTree.Request(tree(board), board, dtb(board), ROOT));
    }
}
