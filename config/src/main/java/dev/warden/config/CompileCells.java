package dev.warden.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compiles the YAML configurations of a directory to {@code .cell} files next to them
 * (firmware-fixtures/&lt;board&gt;/cells). Run with the directories as arguments; with
 * {@code --check} it only reports files whose committed binary differs from its YAML.
 */
public final class CompileCells {
    private CompileCells() {
    }

    /** The YAML sources of a directory, sorted by name. */
    public static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** The binary a YAML source compiles to: same name, {@code .cell} extension. */
    public static Path target(Path yaml) {
        String name = yaml.getFileName().toString();
        return yaml.resolveSibling(name.substring(0, name.length() - ".yaml".length()) + ".cell");
    }

    public static byte[] compile(Path yaml) {
        return CellConfigs.encode(ConfigYaml.read(yaml));
    }

    public static void main(String[] args) throws IOException {
        boolean check = false;
        List<Path> dirs = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--check")) {
                check = true;
            } else {
                dirs.add(Path.of(a));
            }
        }
        int stale = 0;
        for (Path dir : dirs) {
            for (Path yaml : sources(dir)) {
                byte[] bytes;
                try {
                    bytes = compile(yaml);
                } catch (ConfigFormatException e) {
                    System.err.println(e.getMessage());
                    System.exit(2);
                    return;
                }
                Path cell = target(yaml);
                boolean same = Files.exists(cell) && java.util.Arrays.equals(Files.readAllBytes(cell), bytes);
                if (check) {
                    if (!same) {
                        System.err.println(cell + ": differs from " + yaml.getFileName());
                        stale++;
                    }
                } else if (!same) {
                    Files.write(cell, bytes);
                    System.out.println("wrote " + cell + " (" + bytes.length + " bytes)");
                }
            }
        }
        System.exit(stale == 0 ? 0 : 1);
    }
}
