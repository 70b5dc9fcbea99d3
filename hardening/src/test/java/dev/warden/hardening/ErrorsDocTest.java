package dev.warden.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.ConfigFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/errors.md is complete: every exception class in Warden's code (each one a class of message,
 * or an internal signal that must say why no user sees it) and every kind of configuration error
 * has a row, and every test a row names exists.
 */
class ErrorsDocTest {
    private static final Pattern EXCEPTION = Pattern.compile("class (\\w+) extends \\w*(Exception|Error)\\b");
    private static final Pattern TEST_NAME = Pattern.compile("`(\\w+(?:Test|IT))`");
    private static final Pattern FEATURE = Pattern.compile("`(features/[\\w/.-]+\\.feature)`");

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("firmware-fixtures"))) p = p.getParent();
        return p;
    }

    private static String doc() throws IOException {
        return Files.readString(root().resolve("docs/errors.md"));
    }

    private static Set<String> sources(String under, String suffix, Pattern pattern) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> modules = Files.list(root())) {
            for (Path m : modules.toList()) {
                Path src = m.resolve(under);
                if (!Files.isDirectory(src)) continue;
                try (Stream<Path> files = Files.walk(src)) {
                    for (Path f : files.filter(x -> x.toString().endsWith(suffix)).toList()) {
                        if (pattern == null) {
                            out.add(f.getFileName().toString().replace(suffix, ""));
                            continue;
                        }
                        Matcher x = pattern.matcher(Files.readString(f));
                        while (x.find()) out.add(x.group(1));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyExceptionClassHasARow() throws IOException {
        String doc = doc();
        List<String> missing = new ArrayList<>();
        for (String c : sources("src/main/java", ".java", EXCEPTION)) {
            if (!doc.contains("`" + c + "`")) missing.add(c);
        }
        assertThat(missing).as("exception classes without a row in docs/errors.md").isEmpty();
    }

    @Test
    void everyKindOfConfigurationErrorHasARow() throws IOException {
        String doc = doc();
        for (ConfigFormatException.Kind k : ConfigFormatException.Kind.values()) {
            assertThat(doc).as("docs/errors.md names Kind.%s", k).contains("`Kind." + k + "`");
        }
    }

    @Test
    void everyTestARowNamesExists() throws IOException {
        String doc = doc();
        Set<String> tests = sources("src/test/java", ".java", null);
        List<String> missing = new ArrayList<>();
        Matcher m = TEST_NAME.matcher(doc);
        while (m.find()) if (!tests.contains(m.group(1))) missing.add(m.group(1));
        Matcher f = FEATURE.matcher(doc);
        while (f.find()) if (!Files.isRegularFile(root().resolve(f.group(1)))) missing.add(f.group(1));
        assertThat(missing).as("tests named in docs/errors.md that do not exist").isEmpty();
    }

    @Test
    void theCheckCanFail() {
        assertThat(EXCEPTION.matcher("final class Undocumented extends RuntimeException {").find()).isTrue();
        assertThat(TEST_NAME.matcher("| `NoSuchTest` |").find()).isTrue();
    }
}
