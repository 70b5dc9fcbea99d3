import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens the generated single-file report in headless Chromium, from disk, and checks from the
 * rendered page that it lists the scenarios, shows a console transcript and shows a memory map.
 * Run by .ci/run as {@code java .ci/ReportInBrowser.java reports/target/allure-report/index.html};
 * outside CI it skips (exit 0) when Chromium is not installed. Screenshots of the three pages go to
 * reports/target/browser-check/.
 */
public class ReportInBrowser {

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args.length > 0 ? args[0] : "reports/target/allure-report/index.html").toAbsolutePath();
        String chromium = find("chromium", "chromium-browser", "google-chrome");
        if (chromium == null) {
            if ("true".equals(System.getenv("CI"))) fail("Chromium is not installed (Debian package 'chromium')");
            System.out.println("report-in-browser: SKIPPED, no chromium on this machine (apt-get install chromium)");
            return;
        }
        String html = Files.readString(index);
        // a scenario with a fault: its page has transcripts, a register dump and a memory map with the fault marked
        String testCase = null, console = null, map = null, name = null;
        Matcher m = Pattern.compile("d\\('data/test-cases/([0-9a-f]+)\\.json','([A-Za-z0-9+/=]*)'\\)").matcher(html);
        while (m.find() && map == null) {
            String json = new String(Base64.getDecoder().decode(m.group(2)), StandardCharsets.UTF_8);
            if (!json.contains("last fault: register dump")) continue;
            String c = attachmentUid(json, "console ");
            String svg = attachmentUid(json, "physical memory map");
            if (c != null && svg != null) {
                testCase = m.group(1);
                console = c;
                map = svg;
                Matcher n = Pattern.compile("\"name\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
                name = n.find() ? n.group(1) : "?";
            }
        }
        if (map == null) fail("no scenario in the report has a fault with a transcript and a memory map");
        Path out = index.getParent().resolveSibling("browser-check");
        Files.createDirectories(out);

        String suites = render(chromium, index, "#suites", out.resolve("suites.png"));
        int listed = count(suites, "class=\"node__name\"");
        check(listed >= 5, "the suites page lists the scenarios (" + listed + " entries rendered)");
        check(suites.contains(plain(name)), "the suites page names the scenario '" + plain(name) + "'");

        String transcript = render(chromium, index, "#testresult/" + testCase + "?attachment=" + console, out.resolve("transcript.png"));
        check(transcript.contains("attachment__text") || transcript.contains("attachment__code"), "the scenario page shows a console transcript");
        check(transcript.matches("(?s).*\\[\\s+\\d+\\.\\d{6}\\] .*"), "the transcript has virtual timestamps");

        String memory = render(chromium, index, "#testresult/" + testCase + "?attachment=" + map, out.resolve("memory-map.png"));
        check(memory.contains("type=\"image/svg+xml\""), "the scenario page shows the memory map (SVG)");
        System.out.println("report-in-browser: OK, " + listed + " entries in the suites list; screenshots in " + out);
    }

    private static String attachmentUid(String json, String namePrefix) {
        Matcher a = Pattern.compile("\\{\"uid\":\"([0-9a-f]+)\",\"name\":\"" + Pattern.quote(namePrefix)).matcher(json);
        return a.find() ? a.group(1) : null;
    }

    private static String plain(String jsonString) {
        return jsonString.replace("\\\"", "&quot;").replace("'", "'");
    }

    /** The DOM after the page ran (virtual time budget: no wall-clock wait), and a screenshot of it. */
    private static String render(String chromium, Path index, String route, Path png) throws Exception {
        String url = index.toUri() + route;
        run(chromium, png, List.of("--screenshot=" + png, "--window-size=1400,1000", url));
        return run(chromium, null, List.of("--dump-dom", url));
    }

    private static String run(String chromium, Path png, List<String> extra) throws Exception {
        Path profile = Files.createTempDirectory("warden-chromium");
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--virtual-time-budget=15000"));
        cmd.addAll(extra);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 120 s");
        }
        return new String(stdout, StandardCharsets.UTF_8);
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }

    private static void check(boolean ok, String what) {
        if (!ok) fail("not true: " + what);
        System.out.println("report-in-browser: " + what);
    }

    private static String find(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String n : names) if (Files.isExecutable(Path.of(dir, n))) return Path.of(dir, n).toString();
        }
        return null;
    }

    private static void fail(String message) {
        System.err.println("report-in-browser: FAILED, " + message);
        System.exit(1);
    }
}
