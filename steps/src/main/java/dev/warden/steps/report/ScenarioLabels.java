package dev.warden.steps.report;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The report's labels of a scenario: the board it ran on, the Jailhouse release and the failure
 * catalogue ids (its {@code @F01}...{@code @F25} tags). The machine-readable labels ({@code board},
 * {@code release}, {@code catalogue}) feed the conformance matrix; the same values as tags show on
 * the scenario's page and in the report's filters.
 */
public final class ScenarioLabels {

    private static final Pattern CATALOGUE = Pattern.compile("@(F\\d{2})");

    private ScenarioLabels() {}

    /** The catalogue ids among the scenario's tags, without the @. */
    public static List<String> catalogueIds(Collection<String> tags) {
        List<String> ids = new ArrayList<>();
        for (String t : tags) {
            var m = CATALOGUE.matcher(t);
            if (m.matches()) ids.add(m.group(1));
        }
        return ids;
    }

    /** Adds the labels to the scenario's running Allure test case. */
    public static void add(String board, String release, Collection<String> tags) {
        List<Label> labels = new ArrayList<>();
        labels.add(new Label().setName("board").setValue(board));
        labels.add(new Label().setName("release").setValue(release));
        labels.add(new Label().setName("tag").setValue("board=" + board));
        labels.add(new Label().setName("tag").setValue("release=" + release));
        for (String id : catalogueIds(tags)) labels.add(new Label().setName("catalogue").setValue(id));
        Allure.getLifecycle().updateTestCase(tc -> tc.getLabels().addAll(labels));
    }
}
