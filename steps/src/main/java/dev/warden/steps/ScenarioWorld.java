package dev.warden.steps;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.lab.BootRequest;
import dev.warden.lab.BootInputs;
import dev.warden.lab.Lab;
import dev.warden.lab.LabSnapshot;
import dev.warden.steps.fork.ForkPoints;
import dev.warden.steps.fork.ForkTrail;
import dev.warden.steps.fork.SnapshotCache;
import dev.warden.lab.WardenProject;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one scenario holds: its own board (Cucumber makes one world per scenario, so scenarios run
 * in parallel without sharing anything that changes: a board restored from a snapshot is the
 * scenario's own copy), the boot media changes it asked for, a read cursor per console so that
 * "then ... shows" looks only at output after the last match, and where the board is on the chain
 * of fork points ({@link #forkPoint}). Steps keep their state here, nowhere else: a fork point
 * restores exactly this.
 */
public final class ScenarioWorld {

    static final long MS = 1_000_000L;
    static final long BOOT_TIMEOUT = 60_000 * MS;

    /** System property that names the board for scenarios that name none, over warden.yaml's ({@code warden run --board}). */
    public static final String BOARD_PROPERTY = "warden.board";

    private static volatile ProjectKey project;

    private String boardName = defaultBoard();
    private BootRequest request = BootRequest.defaults();
    private dev.warden.config.JailhouseRelease release;
    private java.util.Collection<String> tags = java.util.List.of();
    private Lab lab;
    private final Map<ConsoleRole, Integer> cursors = new EnumMap<>(ConsoleRole.class);
    private int commandOutputStart;
    private String lastCommand = "";
    private int commandOutputEnd;
    private RuntimeException setupError;
    private final Map<String, byte[]> pendingRootFsFiles = new LinkedHashMap<>();
    private final ForkTrail trail = new ForkTrail();
    /** Inside a fork point's body (nested points are part of the outer one). */
    private int pointDepth;

    /** What a fork point leaves: the board and the scenario's place on its consoles. */
    private record Snapshot(LabSnapshot lab, Map<ConsoleRole, Integer> cursors, int commandOutputStart, int commandOutputEnd,
                            String lastCommand) {}

    public void board(String name) {
        this.boardName = name;
    }

    public String boardName() { return boardName; }

    /**
     * The project of this run (its boards, cells and inmates over Warden's built-ins), read once per
     * project folder: a JVM that runs several projects one after the other ({@code warden run} in
     * tests) sees each its own.
     */
    public static WardenProject project() {
        String key = System.getProperty(WardenProject.PROPERTY, "") + "\n" + Path.of("").toAbsolutePath();
        ProjectKey p = project;
        if (p == null || !p.key().equals(key)) {
            synchronized (ScenarioWorld.class) {
                if (project == null || !project.key().equals(key)) project = new ProjectKey(key, WardenProject.current());
                p = project;
            }
        }
        return p.project();
    }

    private record ProjectKey(String key, WardenProject project) {}

    /** --board, else warden.yaml's board, else the build's default ({@code warden.default.board}). */
    private static String defaultBoard() {
        String chosen = System.getProperty(BOARD_PROPERTY);
        if (chosen != null && !chosen.isBlank()) return chosen;
        return project().defaultBoard(System.getProperty("warden.default.board", "k3-am654-idk"));
    }

    public BootRequest request() { return request; }

    /** The scenario's tags (its catalogue ids among them), for the report's labels. */
    void tags(java.util.Collection<String> tags) { this.tags = java.util.List.copyOf(tags); }

    /** The Jailhouse release the scenario asked for, also kept here for the report's labels. */
    void release(dev.warden.config.JailhouseRelease release) {
        this.release = release;
        request.release(release);
    }


    public Lab powerOn() {
        if (pointDepth == 0) trail.leave();
        if (lab != null) throw new IllegalStateException("the board is already powered on");
        lab = Lab.powerOn(project(), boardName, request);
        // inside a step the report's current test case is the scenario (in an After hook it is the hook)
        dev.warden.steps.report.ScenarioLabels.add(boardName, Hooks.releaseName(lab.release()), tags);
        pendingRootFsFiles.forEach((path, content) -> lab.linux().fs().putBytes(path, content));
        pendingRootFsFiles.clear();
        return lab;
    }

    /** Puts a file on the board's root file system, now or, before power-on, as the board starts. */
    void putOnRootFs(String path, byte[] content) {
        if (lab != null) lab().linux().fs().putBytes(path, content);
        else pendingRootFsFiles.put(path, content.clone());
    }

    public Lab lab() {
        if (lab == null) throw new IllegalStateException("no board is powered on yet (start with 'Given the board ... is powered on')");
        if (pointDepth == 0) trail.leave(); // a step other than a fork point uses the board
        return lab;
    }

    /**
     * Runs a step that is a fork point: scenarios that begin with the same fork-point steps on the
     * same inputs ({@link ForkTrail}) run them once; the others start from the snapshot the first
     * one left, a copy of its board and its place on the consoles. The step is skipped then, its
     * outcome being the snapshot's; only a step that succeeded leaves one. Nested fork points (a
     * step calling another) are part of the outer one. {@code powersOn}: the step switches the
     * board on (the chain starts there); {@code step} names it with everything it reads.
     */
    void forkPoint(String step, boolean powersOn, Runnable body) {
        if (pointDepth > 0 || !ForkPoints.enabled()) {
            inPoint(body);
            return;
        }
        Optional<String> key = trail.next(step, powersOn, () -> BootInputs.digest(project(), boardName, request)
                + "\n" + rootFsFilesDigest());
        if (key.isEmpty()) {
            inPoint(body);
            return;
        }
        SnapshotCache<Snapshot> cache = ForkPoints.cache();
        SnapshotCache.Lookup<Snapshot> found = cache.lookup(key.get());
        if (found instanceof SnapshotCache.Hit<Snapshot> hit) {
            restore(hit.snapshot(), powersOn);
            trail.arrive(key.get());
            ForkPoints.served(powersOn);
            return;
        }
        SnapshotCache.Claim<Snapshot> claim = (SnapshotCache.Claim<Snapshot>) found;
        boolean stored = false;
        try {
            inPoint(body);
            Snapshot s = new Snapshot(lab.snapshot(), new EnumMap<>(cursors), commandOutputStart, commandOutputEnd, lastCommand);
            claim.fulfil(s);
            stored = true;
            trail.arrive(key.get());
        } catch (dev.warden.emulator.snapshot.GraphCopyException e) {
            ForkPoints.cannotSnapshot(e);
            trail.leave();
        } finally {
            if (!stored) claim.abandon();
        }
    }

    private void inPoint(Runnable body) {
        pointDepth++;
        try {
            body.run();
        } finally {
            pointDepth--;
        }
    }

    /** The board and the console places of a snapshot, as if this scenario had run its steps. */
    private void restore(Snapshot s, boolean powersOn) {
        Lab previous = lab;
        lab = s.lab().restore();
        if (previous != null) previous.close();
        cursors.clear();
        cursors.putAll(s.cursors());
        commandOutputStart = s.commandOutputStart();
        commandOutputEnd = s.commandOutputEnd();
        lastCommand = s.lastCommand();
        if (powersOn) {
            // what powerOn() does besides building the board
            dev.warden.steps.report.ScenarioLabels.add(boardName, Hooks.releaseName(lab.release()), tags);
            pendingRootFsFiles.clear();
        }
    }

    /** The files the scenario puts on the root file system as the board starts, by path and content. */
    private String rootFsFilesDigest() {
        StringBuilder sb = new StringBuilder();
        pendingRootFsFiles.forEach((path, content) -> sb.append(path).append('=').append(BootInputs.sha256(content)).append('\n'));
        return sb.toString();
    }

    public Optional<Lab> labIfStarted() {
        return Optional.ofNullable(lab);
    }

    public int cursor(ConsoleRole role) {
        return cursors.getOrDefault(role, 0);
    }

    public void cursor(ConsoleRole role, int position) {
        cursors.put(role, position);
    }

    public int commandOutputStart() { return commandOutputStart; }

    public String lastCommand() { return lastCommand; }

    void setupError(RuntimeException e) { this.setupError = e; }

    Optional<RuntimeException> setupError() { return Optional.ofNullable(setupError); }

    void commandOutputEnd(int position) { this.commandOutputEnd = position; }

    void lastCommand(String command) { this.lastCommand = command; }

    /** What the last command printed, between its echo and the next prompt. */
    public String lastCommandOutput() {
        String text = lab().console(dev.warden.emulator.board.ConsoleRole.PRIMARY).text();
        int end = Math.max(commandOutputStart, commandOutputEnd);
        return text.substring(Math.min(commandOutputStart, text.length()), Math.min(end, text.length()));
    }

    public void commandOutputStart(int position) { this.commandOutputStart = position; }

    void close() {
        if (lab != null) lab.close();
    }
}
