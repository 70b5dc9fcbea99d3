package dev.warden.steps.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes docs/steps.md from the step definitions: each step's Cucumber expression, what it does and
 * an example, grouped by area. Run it when a step changes ({@code StepsDocTest} says how); the test
 * fails while the file in the repository differs from what this writes.
 *
 * <p>Usage: {@code StepsDoc OUTPUT.md}
 */
public final class StepsDoc {

    /** The glue classes in the order and under the titles the document uses. */
    private static final Map<String, String> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("BoardSteps", "Boards, boot media and booting");
        AREAS.put("ConsoleSteps", "Consoles and the root shell");
        AREAS.put("JailhouseSteps", "Jailhouse: the hypervisor, cells and inmates");
        AREAS.put("CheckSteps", "Configuration checks (`warden check`)");
        AREAS.put("OracleSteps", "The real Jailhouse: recorded sessions replayed");
    }

    private StepsDoc() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StepsDoc OUTPUT.md");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), render(StepCatalog.of("dev.warden.steps")), StandardCharsets.UTF_8);
    }

    /** The document, the same bytes for the same steps. */
    public static String render(StepCatalog catalog) {
        List<StepCatalog.Step> steps = catalog.steps();
        StringBuilder md = new StringBuilder();
        md.append("# The steps Warden knows\n\n");
        md.append("<!-- Generated from the step definitions (dev.warden.steps) by dev.warden.steps.docs.StepsDoc;"
                + " do not edit: change the @StepDoc beside the step and regenerate (see StepsDocTest). -->\n\n");
        md.append("Every step below can be written with any keyword (`Given`, `When`, `Then`, `And`, `But`);"
                + " the one shown is how it reads best. `{string}` is text in double quotes, `{int}` a number,"
                + " `{word}` a word without spaces such as `0x1000`, `(s)` an optional letter.\n\n");
        md.append("**Your files.** Wherever a step names a configuration, an inmate, a device tree, an overlay or a"
                + " kernel image, it takes either a built-in name (`\"k3-am654-idk.cell\"`) or a path in your project"
                + " with a folder in it (`\"cells/my-board.cell\"`, see [project.md](project.md)). A project file is"
                + " checked by its content (a root cell where a root cell belongs, a device tree where a device tree"
                + " belongs) and brought to the board as on the real thing: configurations and inmates are copied to"
                + " `/home/root/<path>` on the root file system, device trees onto the SD card. A name starting with"
                + " `/` is a path on the board.\n\n");
        md.append("**Fork points.** The steps marked *fork point* (booting, logging in, loading the driver, enabling"
                + " the hypervisor, creating a cell) run once per JVM for the same board, inputs and steps before them:"
                + " the next scenario that begins the same way starts from an in-memory snapshot of the board the"
                + " first one left, with the same transcript. A chain of fork points ends at the first other step that"
                + " uses the board. `-Dwarden.snapshots=false` runs every step.\n\n");
        md.append("**Parameter types.** ");
        for (StepCatalog.ParameterTypeDoc p : catalog.parameterTypes()) {
            md.append("`{").append(p.name()).append("}` is `").append(p.regexp().replace("|", "\\|")).append("`; ");
        }
        md.setLength(md.length() - 2);
        md.append(". Durations are virtual time.\n\n");
        md.append("Contents: ");
        md.append(String.join(" · ", AREAS.values().stream().map(t -> "[" + t.replace("`", "") + "](#" + anchor(t) + ")").toList()));
        md.append("\n");
        for (Map.Entry<String, String> area : AREAS.entrySet()) {
            md.append("\n## ").append(area.getValue()).append("\n\n");
            for (StepCatalog.Step s : steps) {
                if (!s.glue().getSimpleName().equals(area.getKey())) continue;
                md.append("- **`").append(s.keyword()).append(' ').append(s.expression()).append("`**");
                s.doc().ifPresent(d -> md.append(" — ").append(d.value()));
                md.append("\n\n  ```gherkin\n");
                for (String example : s.doc().map(d -> examplesFor(s, d)).orElse(List.of())) {
                    for (String line : example.split("\n")) md.append("  ").append(line).append('\n');
                }
                md.append("  ```\n\n");
            }
        }
        List<String> others = steps.stream().map(s -> s.glue().getSimpleName()).filter(n -> !AREAS.containsKey(n)).distinct().toList();
        if (!others.isEmpty()) throw new IllegalStateException("steps in classes without an area in StepsDoc: " + others);
        return md.toString().replaceAll("\n{3,}", "\n\n");
    }

    /** The examples that show this expression (a method with several expressions has one each). */
    static List<String> examplesFor(StepCatalog.Step s, StepDoc d) {
        List<String> mine = List.of(d.example()).stream().filter(e -> StepExamples.matches(s.expression(), firstLine(e))).toList();
        return mine.isEmpty() ? List.of(d.example()) : mine;
    }

    static String firstLine(String example) {
        int nl = example.indexOf('\n');
        return nl < 0 ? example : example.substring(0, nl);
    }

    private static String anchor(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }
}
