package dev.warden.config.create;

import dev.warden.config.RepoFiles;
import dev.warden.devicetree.board.BoardTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The built-in boards' trees and Jailhouse overlays, as config create reads them. */
final class BoardFixtures {

    static final List<String> BOARDS = List.of("k3-am654-idk", "k3-j721e-evm", "qemu-arm64-virt");

    private BoardFixtures() {}

    static Path boot(String board) {
        return RepoFiles.root().resolve("firmware-fixtures").resolve(board).resolve("boot");
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

    static CreatedConfigs create(String board) {
        return RootCellFromTree.create(new CreateRequest(tree(board), board, Optional.empty(), Optional.empty()));
    }
}
