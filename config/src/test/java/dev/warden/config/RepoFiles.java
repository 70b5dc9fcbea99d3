package dev.warden.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates committed fixtures from tests (the build passes warden.root; else walk up to the parent POM). */
public final class RepoFiles {
    private RepoFiles() {
    }

    public static Path root() {
        String prop = System.getProperty("warden.root");
        if (prop != null && Files.isDirectory(Path.of(prop, "firmware-fixtures"))) {
            return Path.of(prop);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("firmware-fixtures"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (firmware-fixtures/)");
        }
        return p;
    }

    public static Path cells(String board) {
        return root().resolve("firmware-fixtures").resolve(board).resolve("cells");
    }

    public static List<Path> allCellYaml() throws java.io.IOException {
        List<Path> out = new ArrayList<>();
        for (String board : List.of("k3-am654-idk", "k3-j721e-evm", "qemu-arm64-virt")) {
            out.addAll(CompileCells.sources(cells(board)));
        }
        // the TI ti2019.03 fork's configurations of the AM654, which the seed's demo ran
        out.addAll(CompileCells.sources(cells("k3-am654-idk").resolve("ti2019")));
        out.addAll(CompileCells.sources(cells("k3-j721e-evm").resolve("ti2019")));
        return out;
    }

    public static Path resource(String name) {
        try {
            return Path.of(RepoFiles.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }
}
