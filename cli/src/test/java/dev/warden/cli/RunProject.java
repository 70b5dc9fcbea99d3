package dev.warden.cli;

import dev.warden.lab.BuiltinBoards;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * A team's project for the warden run tests: the features and warden.yaml of the test resources'
 * {@code run-project/}, with an overlay, two cells and an inmate of the QEMU board copied in under
 * the team's own names.
 */
final class RunProject {

    final Path dir;

    private RunProject(Path dir) {
        this.dir = dir;
    }

    static RunProject in(Path dir) {
        try {
            Path source = Path.of(RunProject.class.getResource("/run-project").toURI());
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path target = dir.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(target);
                    else Files.copy(p, target);
                }
            }
            BuiltinBoards b = BuiltinBoards.get();
            Path qemu = b.fixtures().resolve("qemu-arm64-virt");
            copy(qemu.resolve("boot/dtb/qemu-arm64-virt-jailhouse.dtbo"), dir.resolve("boot/team-jailhouse.dtbo"));
            copy(qemu.resolve("cells/qemu-arm64.cell"), dir.resolve("cells/team.cell"));
            copy(qemu.resolve("cells/qemu-arm64-inmate-demo.cell"), dir.resolve("cells/team-inmate.cell"));
            // under a name of its own: a built-in board's inmates and the project's share /usr/share/jailhouse/inmates
            copy(b.inmates("qemu-arm64-virt").resolve("uart-demo.bin"), dir.resolve("inmates/team-uart.bin"));
            return new RunProject(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    Path feature(String name) {
        return dir.resolve("features").resolve(name);
    }

    /** {@code warden ARGS}: exit code, standard output, standard error. */
    static Result warden(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new WardenCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {}

    private static final Pattern UUID = Pattern.compile("^\\{\"uuid\":\"([^\"]+)\"");
    private static final Pattern SCENARIO = Pattern.compile("\"links\":\\[[^\\]]*\\],\"name\":\"([^\"]*)\"");
    private static final Pattern CHILD = Pattern.compile("\"children\":\\[\"([^\"]+)\"");
    private static final Pattern CONSOLE = Pattern.compile("\\{\"name\":\"(console [^\"]*)\",\"source\":\"([^\"]+)\"");

    /**
     * The console transcripts in Allure results, by scenario and console, as the report shows them:
     * the After hook attaches them, so they are in the containers that name the scenario's result.
     */
    static Map<String, String> transcripts(Path results) {
        Map<String, String> scenarios = new TreeMap<>();
        Map<String, String> out = new TreeMap<>();
        try {
            for (Path f : list(results, "-result.json")) {
                String json = Files.readString(f);
                Matcher u = UUID.matcher(json);
                Matcher n = SCENARIO.matcher(json);
                if (u.find() && n.find()) scenarios.put(u.group(1), n.group(1));
            }
            for (Path f : list(results, "-container.json")) {
                String json = Files.readString(f);
                Matcher child = CHILD.matcher(json);
                if (!child.find()) continue;
                Matcher a = CONSOLE.matcher(json);
                while (a.find()) {
                    out.put(scenarios.get(child.group(1)) + " / " + a.group(1), Files.readString(results.resolve(a.group(2))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
