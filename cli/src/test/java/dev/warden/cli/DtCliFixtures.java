package dev.warden.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fixture paths and a way to run the CLI with captured stdout/stderr, for the dt command tests. */
final class DtCliFixtures {
    private DtCliFixtures() {
    }

    static Path fixtures() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("firmware-fixtures");
            if (Files.isDirectory(candidate.resolve("dt-oracle"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("firmware-fixtures not found");
    }

    static String fixture(String relative) {
        return fixtures().resolve(relative).toString();
    }

    record Result(int exitCode, String out, String err) {
    }

    /** Runs WardenCli.execute with System.out/err captured (picocli writes to them by default). */
    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = WardenCli.execute(args);
            System.out.flush();
            System.err.flush();
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
