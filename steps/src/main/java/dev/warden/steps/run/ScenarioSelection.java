package dev.warden.steps.run;

import java.util.Optional;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.UriSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Which of the discovered scenarios run, beyond Cucumber's tag filter. Registered with the JUnit
 * Platform by {@code META-INF/services}, so Warden's suite, a user's suite class and
 * {@code warden run} select alike; it only looks at Cucumber's scenarios, never at unit tests.
 * <ul>
 *   <li>{@code -Dwarden.shard=K/N}: only the scenarios of slice K ({@link Shard}).</li>
 *   <li>{@code @wip} scenarios say what the model still lacks and cannot pass: they stay out
 *       unless the tag expression asks for {@code @wip} itself. A default of {@code not @wip} in
 *       cucumber.properties would not do, as any {@code -Dcucumber.filter.tags} replaces it.</li>
 *   <li>{@code @slow} scenarios (the real Linux kernel's, a minute or more each) stay out of the
 *       default run and of a run for other tags: they run under {@code -Preal-kernel}
 *       ({@code warden.realKernel=true}) or when the tag expression asks for {@code @slow}.</li>
 *   <li>A suite marked {@link SecondRun} runs only under {@code -Dwarden.repeat=2}.</li>
 * </ul>
 */
public final class ScenarioSelection implements PostDiscoveryFilter {

    public static final String REPEAT_PROPERTY = "warden.repeat";
    private static final String TAGS_PROPERTY = "cucumber.filter.tags";
    public static final String REAL_KERNEL_PROPERTY = "warden.realKernel";

    private final Shard shard;
    private final boolean wipWanted;
    private final boolean slowWanted;
    private final int repeat;

    /** As the JUnit Platform creates it: from the system properties. */
    public ScenarioSelection() {
        this(Shard.fromSystemProperties(), wipAsked(System.getProperty(TAGS_PROPERTY)),
                slowAsked(System.getProperty(TAGS_PROPERTY)) || Boolean.getBoolean(REAL_KERNEL_PROPERTY),
                repeat(System.getProperty(REPEAT_PROPERTY)));
    }

    public ScenarioSelection(Shard shard, boolean wipWanted, int repeat) {
        this(shard, wipWanted, false, repeat);
    }

    public ScenarioSelection(Shard shard, boolean wipWanted, boolean slowWanted, int repeat) {
        this.shard = shard;
        this.wipWanted = wipWanted;
        this.slowWanted = slowWanted;
        this.repeat = repeat;
    }

    /** Whether a tag expression selects @wip scenarios on purpose ({@code @wip}, not {@code not @wip}). */
    static boolean wipAsked(String tagExpression) {
        if (tagExpression == null) return false;
        String e = tagExpression.replaceAll("not\\s+@wip\\b", "");
        return e.matches("(?s).*@wip\\b.*");
    }

    /** Whether a tag expression selects @slow scenarios on purpose ({@code @slow}, not {@code not @slow}). */
    static boolean slowAsked(String tagExpression) {
        if (tagExpression == null) return false;
        String e = tagExpression.replaceAll("not\\s+@slow\\b", "");
        return e.matches("(?s).*@slow\\b.*");
    }

    /** {@code -Dwarden.repeat}: 1 (default) or 2. */
    public static int repeat(String text) {
        if (text == null || text.isBlank()) return 1;
        try {
            int n = Integer.parseInt(text.trim());
            if (n == 1 || n == 2) return n;
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("warden.repeat: expected 1 or 2, got '" + text + "'");
    }

    @Override
    public FilterResult apply(TestDescriptor d) {
        if (!d.isTest() || !isCucumber(d.getUniqueId())) return FilterResult.included("not a scenario");
        if (repeat < 2 && inSecondRun(d)) return FilterResult.excluded("second run without -Dwarden.repeat=2");
        if (!wipWanted && d.getTags().contains(TestTag.create("wip"))) {
            return FilterResult.excluded("@wip: the model cannot reproduce it yet");
        }
        if (!slowWanted && d.getTags().contains(TestTag.create("slow"))) {
            return FilterResult.excluded("@slow: runs under -Preal-kernel or when the tags ask for @slow");
        }
        Optional<Location> at = location(d.getSource().orElse(null));
        if (at.isPresent() && !shard.contains(at.get().path(), at.get().line())) {
            return FilterResult.excluded("in another shard than " + shard);
        }
        return FilterResult.included("selected");
    }

    private static boolean isCucumber(UniqueId id) {
        return id.getSegments().stream().anyMatch(s -> s.getType().equals("engine") && s.getValue().equals("cucumber"));
    }

    private static boolean inSecondRun(TestDescriptor d) {
        for (Optional<TestDescriptor> p = d.getParent(); p.isPresent(); p = p.get().getParent()) {
            if (p.get().getSource().orElse(null) instanceof ClassSource c) {
                try {
                    if (c.getJavaClass().isAnnotationPresent(SecondRun.class)) return true;
                } catch (RuntimeException e) {
                    return false; // a class that does not load here is no suite of ours
                }
            }
        }
        return false;
    }

    /** Where a scenario is: its feature's path (classpath-relative, or relative to the working folder) and line. */
    public record Location(String path, int line) {}

    public static Optional<Location> location(TestSource source) {
        if (source instanceof ClasspathResourceSource c) {
            return Optional.of(new Location(c.getClasspathResourceName(), line(c.getPosition())));
        }
        if (source instanceof FileSource f) {
            java.nio.file.Path file = f.getFile().toPath().toAbsolutePath().normalize();
            java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
            String path = (file.startsWith(cwd) ? cwd.relativize(file) : file).toString().replace('\\', '/');
            return Optional.of(new Location(path, line(f.getPosition())));
        }
        if (source instanceof UriSource u) {
            return Optional.of(new Location(u.getUri().getSchemeSpecificPart(), 0));
        }
        return Optional.empty();
    }

    private static int line(Optional<FilePosition> p) {
        return p.map(FilePosition::getLine).orElse(0);
    }
}
