package dev.warden.cli.run;

import dev.warden.lab.WardenProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.FilePosition;

/**
 * What {@code warden run} runs: the feature files and folders named on the command line (a file may
 * carry a scenario's line, {@code boot.feature:12}), or the project's features folder. Paths are
 * the user's, relative to the working folder; each must exist before anything runs.
 */
public final class FeatureSelection {

    private static final Pattern WITH_LINE = Pattern.compile("(.+\\.feature):(\\d+)");

    private final List<DiscoverySelector> selectors;
    private final List<Path> roots;

    private FeatureSelection(List<DiscoverySelector> selectors, List<Path> roots) {
        this.selectors = selectors;
        this.roots = roots;
    }

    /** The selection, or a {@link BadRunInput} that names the path and what was expected. */
    public static FeatureSelection of(WardenProject project, List<String> arguments) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        List<Path> roots = new ArrayList<>();
        if (arguments.isEmpty()) {
            Path features = project.features().orElseThrow(() -> new BadRunInput("no features to run: give FEATURE files or"
                    + " folders, or --project DIR"));
            if (!Files.isDirectory(features)) {
                throw new BadRunInput("the project has no features folder " + features + " (warden.yaml's 'features' names"
                        + " another, or give FEATURE files or folders)");
            }
            selectors.add(DiscoverySelectors.selectDirectory(features.toFile()));
            roots.add(features);
            return new FeatureSelection(selectors, roots);
        }
        for (String argument : arguments) {
            Matcher m = WITH_LINE.matcher(argument);
            String file = m.matches() ? m.group(1) : argument;
            Path p = Path.of(file).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                selectors.add(DiscoverySelectors.selectDirectory(p.toFile()));
            } else if (!Files.isRegularFile(p)) {
                throw new BadRunInput("no feature file or folder " + file + " (" + p + ")");
            } else if (!p.getFileName().toString().endsWith(".feature")) {
                throw new BadRunInput(file + " is not a .feature file (a Gherkin feature, or a folder of them, was expected)");
            } else if (m.matches()) {
                selectors.add(DiscoverySelectors.selectFile(p.toFile(), FilePosition.from(Integer.parseInt(m.group(2)))));
            } else {
                selectors.add(DiscoverySelectors.selectFile(p.toFile()));
            }
            roots.add(p);
        }
        return new FeatureSelection(selectors, roots);
    }

    public List<DiscoverySelector> selectors() { return selectors; }

    /** The files and folders selected, for the run's first line. */
    public List<Path> roots() { return roots; }
}
