package dev.warden.reports.matrix;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.TableCell;
import io.cucumber.messages.types.TableRow;
import io.cucumber.messages.types.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The behaviours of the conformance suite, read from its feature files: every scenario tagged
 * {@code @conformance}, with its catalogue ids and, for an outline, one example per row with the
 * row's {@code board} and {@code release} (default {@code upstream}). Read from the files rather
 * than from the results, because the matrix must also show what did not run (another shard, a tag
 * filter, {@code @wip}) and what does not apply.
 */
public final class ConformanceSuite {

    /** An example: the row's line (the scenario's line in the results) and where it runs. */
    public record Example(String location, String board, String release) {}

    /** One behaviour: a row of the matrix. */
    public record Behaviour(String location, String name, List<String> catalogueIds, boolean wip, String description,
                            List<Example> examples) {}

    /** The board and release of a scenario that is no outline: it applies to every column. */
    public static final String ANY = "*";

    private ConformanceSuite() {}

    /**
     * The behaviours under {@code folder} ({@code features/conformance}); {@code featuresRoot} is the
     * folder the results' locations start from ({@code features/...} is relative to its parent).
     */
    public static List<Behaviour> read(Path folder, Path featuresRoot) throws IOException {
        List<Behaviour> all = new ArrayList<>();
        if (!Files.isDirectory(folder)) return all;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".feature")).sorted().toList();
        }
        GherkinParser parser = GherkinParser.builder().includeSource(false).includePickles(false).build();
        for (Path f : files) {
            String uri = featuresRoot.getFileName() + "/" + featuresRoot.relativize(f).toString().replace('\\', '/');
            try (Stream<Envelope> envelopes = parser.parse(f)) {
                envelopes.forEach(e -> e.getGherkinDocument().flatMap(d -> d.getFeature()).ifPresent(feature -> {
                    List<String> featureTags = names(feature.getTags());
                    for (FeatureChild child : feature.getChildren()) {
                        child.getScenario().ifPresent(s -> behaviour(uri, featureTags, s).ifPresent(all::add));
                        child.getRule().ifPresent(r -> r.getChildren().forEach(rc -> rc.getScenario()
                                .ifPresent(s -> behaviour(uri, featureTags, s).ifPresent(all::add))));
                    }
                }));
            }
        }
        return all;
    }

    private static java.util.Optional<Behaviour> behaviour(String uri, List<String> featureTags, Scenario s) {
        List<String> tags = new ArrayList<>(featureTags);
        tags.addAll(names(s.getTags()));
        if (!tags.contains("@conformance")) return java.util.Optional.empty();
        List<String> ids = tags.stream().filter(t -> t.matches("@F\\d{2}")).map(t -> t.substring(1)).distinct().sorted().toList();
        List<Example> examples = new ArrayList<>();
        for (Examples ex : s.getExamples()) {
            List<String> header = ex.getTableHeader().map(h -> h.getCells().stream().map(TableCell::getValue).toList()).orElse(List.of());
            int board = header.indexOf("board");
            int release = header.indexOf("release");
            for (TableRow row : ex.getTableBody()) {
                List<String> cells = row.getCells().stream().map(TableCell::getValue).toList();
                examples.add(new Example(uri + ":" + row.getLocation().getLine(), board < 0 ? "any board" : cells.get(board),
                        release < 0 ? "upstream" : cells.get(release)));
            }
        }
        if (s.getExamples().isEmpty()) {
            // a plain scenario (a @wip one) stands for every board and release
            examples.add(new Example(uri + ":" + s.getLocation().getLine(), ANY, ANY));
        }
        String name = s.getName().replaceAll("\\s*\\([^)]*<[^)]*\\)", "").replaceAll("\\s*<[^>]+>", "").strip();
        return java.util.Optional.of(new Behaviour(uri + ":" + s.getLocation().getLine(), name, ids, tags.contains("@wip"),
                s.getDescription() == null ? "" : s.getDescription().strip(), examples));
    }

    private static List<String> names(List<Tag> tags) {
        return tags.stream().map(Tag::getName).toList();
    }
}
