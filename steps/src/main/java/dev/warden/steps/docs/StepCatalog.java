package dev.warden.steps.docs;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every step of a glue package, read by reflection: its keyword, its Cucumber expression, and the
 * {@link StepDoc} beside it. The classes are found on the class path (a folder or a jar), as
 * Cucumber finds its glue.
 */
public final class StepCatalog {

    /** One step expression of one method. */
    public record Step(String keyword, String expression, Class<?> glue, Method method, Optional<StepDoc> doc) {

        /** Where the step is defined, for messages: {@code BoardSteps.theBoard}. */
        public String where() {
            return glue.getSimpleName() + "." + method.getName();
        }
    }

    private final List<Class<?>> classes;

    private StepCatalog(List<Class<?>> classes) {
        this.classes = classes;
    }

    /** The glue classes of {@code pkg} and its sub-packages. */
    public static StepCatalog of(String pkg) {
        return new StepCatalog(classesIn(pkg));
    }

    public List<Class<?>> classes() { return classes; }

    /** Every step, Given before When before Then, then by expression. */
    public List<Step> steps() {
        List<Step> out = new ArrayList<>();
        for (Class<?> c : classes) {
            for (Method m : c.getDeclaredMethods()) {
                Optional<StepDoc> doc = Optional.ofNullable(m.getAnnotation(StepDoc.class));
                for (Given g : m.getAnnotationsByType(Given.class)) out.add(new Step("Given", g.value(), c, m, doc));
                for (When w : m.getAnnotationsByType(When.class)) out.add(new Step("When", w.value(), c, m, doc));
                for (Then t : m.getAnnotationsByType(Then.class)) out.add(new Step("Then", t.value(), c, m, doc));
            }
        }
        out.sort(Comparator.comparing((Step s) -> List.of("Given", "When", "Then").indexOf(s.keyword()))
                .thenComparing(Step::expression));
        return out;
    }

    /** The {@code @ParameterType} methods of the glue: name, regular expressions. */
    public List<ParameterTypeDoc> parameterTypes() {
        List<ParameterTypeDoc> out = new ArrayList<>();
        for (Class<?> c : classes) {
            for (Method m : c.getDeclaredMethods()) {
                ParameterType p = m.getAnnotation(ParameterType.class);
                if (p != null) out.add(new ParameterTypeDoc(p.name().isEmpty() ? m.getName() : p.name(), p.value()));
            }
        }
        out.sort(Comparator.comparing(ParameterTypeDoc::name));
        return out;
    }

    public record ParameterTypeDoc(String name, String regexp) {}

    private static List<Class<?>> classesIn(String pkg) {
        String folder = pkg.replace('.', '/');
        java.util.Set<String> names = new java.util.TreeSet<>();
        try {
            // every root that has the package: the main classes and, under a test run, the test classes
            for (URL url : java.util.Collections.list(StepCatalog.class.getClassLoader().getResources(folder))) {
                URI uri = url.toURI();
                if (uri.getScheme().equals("jar")) {
                    String s = uri.toString();
                    Path jar = Path.of(URI.create(s.substring("jar:".length(), s.indexOf("!/"))));
                    try (FileSystem fs = FileSystems.newFileSystem(jar, (ClassLoader) null)) {
                        names.addAll(classNames(fs.getPath("/"), fs.getPath("/" + folder)));
                    }
                } else {
                    Path dir = Path.of(uri);
                    Path root = dir;
                    for (int i = 0; i < folder.split("/").length; i++) root = root.getParent();
                    names.addAll(classNames(root, dir));
                }
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (names.isEmpty()) throw new IllegalStateException("package " + pkg + " is not on the class path");
        List<Class<?>> out = new ArrayList<>();
        for (String name : names) {
            try {
                out.add(Class.forName(name, false, StepCatalog.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot load " + name, e);
            }
        }
        return out;
    }

    private static List<String> classNames(Path root, Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString();
                if (!rel.endsWith(".class") || rel.contains("$")) continue;
                out.add(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
            }
        }
        return out;
    }
}
