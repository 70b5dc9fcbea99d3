package dev.warden.cli.run;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm;
import java.nio.file.Path;

/**
 * The Allure Cucumber plugin writing into the project's {@code target/allure-results}. The plain
 * plugin writes where the JVM-wide Allure lifecycle was first pointed; a run names its folder, so
 * that results of one project never land in another's (or in Warden's own, when tests run it).
 */
public final class ProjectAllureResults extends AllureCucumber7Jvm {

    /** Cucumber passes the text after the plugin's name: {@code ProjectAllureResults:DIR}. */
    public ProjectAllureResults(String resultsDirectory) {
        super(new AllureLifecycle(new FileSystemResultsWriter(Path.of(resultsDirectory))));
    }
}
