package dev.warden.steps.docs;

import io.cucumber.cucumberexpressions.CaptureGroupTransformer;
import io.cucumber.cucumberexpressions.Expression;
import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterType;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks an example line against its step's Cucumber expression, with Warden's own parameter types,
 * so that docs/steps.md never shows a line the step would not match.
 */
public final class StepExamples {

    private static final Pattern KEYWORD = Pattern.compile("^(Given|When|Then|And|But) ");
    private static final ParameterTypeRegistry REGISTRY = registry();

    private StepExamples() {}

    /** Whether {@code line} (with its keyword) is matched by {@code expression}. */
    public static synchronized boolean matches(String expression, String line) {
        var keyword = KEYWORD.matcher(line);
        if (!keyword.find()) return false;
        Expression e = new ExpressionFactory(REGISTRY).createExpression(expression);
        return e.match(line.substring(keyword.end())) != null;
    }

    private static ParameterTypeRegistry registry() {
        @SuppressWarnings("deprecation")
        ParameterTypeRegistry r = new ParameterTypeRegistry(Locale.ENGLISH);
        CaptureGroupTransformer<String> text = groups -> String.join(" ", groups);
        for (StepCatalog.ParameterTypeDoc p : StepCatalog.of("dev.warden.steps").parameterTypes()) {
            r.defineParameterType(new ParameterType<>(p.name(), List.of(p.regexp()), String.class, text));
        }
        return r;
    }
}
