package dev.warden.reports.matrix;

import dev.warden.reports.ResultFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Behaviour x board x release: for every behaviour of the conformance suite and every board and
 * release the suite names, whether it holds (pass), does not (fail), does not apply (n/a: no example
 * for that board and release), did not run here (another shard, a tag filter) or cannot be
 * reproduced yet (@wip). Each cell names the scenario that decided it.
 */
public record ConformanceMatrix(List<Column> columns, List<Row> rows) {

    public enum Verdict {
        PASS("pass"), FAIL("fail"), NOT_RUN("not run"), WIP("wip"), NOT_APPLICABLE("n/a");

        private final String text;

        Verdict(String text) { this.text = text; }

        public String text() { return text; }
    }

    public record Column(String board, String release) {}

    /** A cell: its verdict and the scenario (location) it links to, if any. */
    public record Cell(Verdict verdict, Optional<String> scenario, String note) {}

    public record Row(ConformanceSuite.Behaviour behaviour, List<Cell> cells) {}

    public static ConformanceMatrix of(List<ConformanceSuite.Behaviour> behaviours, List<ResultFile> results) {
        Set<String> boards = new LinkedHashSet<>();
        Set<String> releases = new LinkedHashSet<>();
        releases.add("upstream");
        for (ConformanceSuite.Behaviour b : behaviours) {
            for (ConformanceSuite.Example e : b.examples()) {
                if (!e.board().equals(ConformanceSuite.ANY)) boards.add(e.board());
                if (!e.release().equals(ConformanceSuite.ANY)) releases.add(e.release());
            }
        }
        List<Column> columns = new ArrayList<>();
        for (String board : boards.stream().sorted(ConformanceMatrix::boardOrder).toList()) {
            for (String release : releases) columns.add(new Column(board, release));
        }
        List<Row> rows = new ArrayList<>();
        for (ConformanceSuite.Behaviour b : behaviours) {
            List<Cell> cells = new ArrayList<>();
            for (Column c : columns) cells.add(cell(b, c, results));
            rows.add(new Row(b, cells));
        }
        return new ConformanceMatrix(columns, rows);
    }

    private static int boardOrder(String a, String b) {
        return a.compareTo(b);
    }

    private static Cell cell(ConformanceSuite.Behaviour b, Column c, List<ResultFile> results) {
        List<ConformanceSuite.Example> mine = b.examples().stream()
                .filter(e -> matches(e.board(), c.board()) && matches(e.release(), c.release())).toList();
        if (mine.isEmpty()) return new Cell(Verdict.NOT_APPLICABLE, Optional.empty(), "");
        if (b.wip()) return new Cell(Verdict.WIP, Optional.of(mine.get(0).location()), "");
        String firstFailed = null;
        String firstRun = null;
        int ran = 0;
        for (ConformanceSuite.Example e : mine) {
            // a scenario run twice (-Dwarden.repeat=2) has two results: any failure counts
            for (ResultFile r : results) {
                if (!r.fullName().equals(e.location())) continue;
                if (firstRun == null) firstRun = e.location();
                ran++;
                if (!r.status().equals("passed") && !r.status().equals("skipped") && firstFailed == null) firstFailed = e.location();
            }
        }
        if (firstFailed != null) return new Cell(Verdict.FAIL, Optional.of(firstFailed), "");
        if (firstRun == null) return new Cell(Verdict.NOT_RUN, Optional.of(mine.get(0).location()), "");
        return new Cell(Verdict.PASS, Optional.of(firstRun), "");
    }

    private static boolean matches(String example, String column) {
        return example.equals(ConformanceSuite.ANY) || example.equals(column);
    }

    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) n.put(v, 0);
        for (Row r : rows) for (Cell c : r.cells()) n.merge(c.verdict(), 1, Integer::sum);
        return n;
    }

    public boolean anyRan() {
        return rows.stream().flatMap(r -> r.cells().stream())
                .anyMatch(c -> c.verdict() == Verdict.PASS || c.verdict() == Verdict.FAIL);
    }

    /** One line for the terminal. */
    public String summary() {
        Map<Verdict, Integer> n = counts();
        return String.format("%d behaviours x %d board/release columns: %d pass, %d fail, %d not run, %d wip, %d n/a",
                rows.size(), columns.size(), n.get(Verdict.PASS), n.get(Verdict.FAIL), n.get(Verdict.NOT_RUN),
                n.get(Verdict.WIP), n.get(Verdict.NOT_APPLICABLE));
    }
}
