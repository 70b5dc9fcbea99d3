package dev.warden.cli.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Allure 2 command line that turns the results into the single-file report. It is plain Java but
 * too big to ship inside warden.jar, and nothing may be downloaded during a run, so it is taken from
 * the local Maven repository, where building Warden (or one {@code mvn dependency:get}) puts it, and
 * unpacked once into the project's {@code target/}.
 */
public final class AllureCommandLine {

    private final String version;
    private final Path zip;

    private AllureCommandLine(String version, Path zip) {
        this.version = version;
        this.zip = zip;
    }

    /** The version warden was built with (the parent POM's {@code allure-commandline.version}). */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = AllureCommandLine.class.getResourceAsStream("versions.properties")) {
            if (in == null) throw new IllegalStateException("versions.properties is missing from warden's jar");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("allure.commandline.version");
    }

    /** The local Maven repository: {@code -Dmaven.repo.local}, else {@code ~/.m2/repository}. */
    public static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Finds the zip in {@code repository}, or says what is missing and how to get it. */
    public static AllureCommandLine find(Path repository) {
        String v = version();
        Path zip = repository.resolve("io/qameta/allure/allure-commandline").resolve(v)
                .resolve("allure-commandline-" + v + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new BadRunInput("--report needs the Allure command line " + v + ", which is not in the local Maven"
                    + " repository (no " + zip + "). Fetch it once with\n  mvn dependency:get"
                    + " -Dartifact=io.qameta.allure:allure-commandline:" + v + ":zip\nor run without --report: the Allure"
                    + " results and the JUnit XML are written either way.");
        }
        return new AllureCommandLine(v, zip);
    }

    /** Unpacks the command line under {@code into} (once) and returns its home folder. */
    public Path unpack(Path into) {
        Path home = into.resolve("allure-" + version);
        if (Files.isDirectory(home.resolve("lib"))) return home;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Path root = into.toAbsolutePath().normalize();
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) throw new IOException("entry " + e.getName() + " leaves the folder");
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + into, e);
        }
        return home;
    }
}
