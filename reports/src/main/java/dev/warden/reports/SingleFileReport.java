package dev.warden.reports;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading and patching Allure's single-file report: it keeps every data file as a call
 * {@code d('path','base64')} in index.html. Allure gives test cases random ids only when it
 * generates the report, so links to a scenario's page ({@code #testresult/UID}) can only be
 * written into the report after it is generated.
 */
public final class SingleFileReport {

    private static final Pattern ENTRY = Pattern.compile("d\\('([^']+)','([A-Za-z0-9+/=]*)'\\)");

    private SingleFileReport() {}

    /** Every embedded data file whose path starts with {@code prefix}, decoded. */
    public static Map<String, byte[]> entries(String html, String prefix) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(html);
        while (m.find()) {
            if (m.group(1).startsWith(prefix)) out.put(m.group(1), Base64.getDecoder().decode(m.group(2)));
        }
        return out;
    }

    /** The page id of each test case by its full name ({@code features/...feature:LINE} for a scenario). */
    public static Map<String, String> uidsByFullName(String html) {
        Map<String, String> uids = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : entries(html, "data/test-cases/").entrySet()) {
            try {
                Map<String, Object> tc = Json.object(new String(e.getValue(), StandardCharsets.UTF_8));
                Object fullName = tc.get("fullName");
                Object uid = tc.get("uid");
                if (fullName != null && uid != null) uids.putIfAbsent(String.valueOf(fullName), String.valueOf(uid));
            } catch (IllegalArgumentException ignored) {
                // not a test case we can read: it gets no link
            }
        }
        return uids;
    }

    /** The report with {@code patch} applied to every embedded file whose text contains {@code marker}. */
    public static String patch(String html, String marker, UnaryOperator<String> patch) {
        Matcher m = ENTRY.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (m.find()) {
            byte[] content = Base64.getDecoder().decode(m.group(2));
            String text = new String(content, StandardCharsets.UTF_8);
            String replacement = m.group(0);
            if (text.contains(marker)) {
                String patched = patch.apply(text);
                replacement = "d('" + m.group(1) + "','"
                        + Base64.getEncoder().encodeToString(patched.getBytes(StandardCharsets.UTF_8)) + "')";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
