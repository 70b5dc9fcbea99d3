package dev.warden.lab.oracle;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import dev.warden.lab.BootRequest;
import dev.warden.lab.Lab;
import dev.warden.lab.WardenProject;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a session file on Warden's board: boots it, logs in as root, and types every command as
 * the rig did, one after the other, each as soon as the previous one's prompt is back. A command
 * whose shell never comes back is given the time the recording waited; once the shell hangs,
 * what is typed after it gets no echo, as on the real board.
 */
public final class SessionReplay {

    static final long SECOND = 1_000_000_000L;
    /** Virtual time a command may take before the replay calls it hung (sleep 5 is the longest wait). */
    static final long COMMAND_TIMEOUT = 30 * SECOND;
    static final long BOOT_TIMEOUT = 60 * SECOND;

    private SessionReplay() {}

    /** The session on a board of the project's (the built-in boards for Warden's own sessions). */
    public static List<ReplayedCommand> replay(SessionFile session, WardenProject project) {
        try (Lab lab = Lab.powerOn(project, session.board(), BootRequest.defaults())) {
            return replay(session, lab);
        }
    }

    /** The session on a board already powered on. */
    public static List<ReplayedCommand> replay(SessionFile session, Lab lab) {
        for (SessionFile.BoardFile f : session.files()) {
            java.nio.file.Path fixture = dev.warden.lab.BuiltinBoards.get().fixtures().resolve(f.fixture());
            try {
                lab.linux().fs().putBytes(f.path(), java.nio.file.Files.readAllBytes(fixture));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("session " + session.name() + ": cannot read " + fixture, e);
            }
        }
        Console console = lab.console(ConsoleRole.PRIMARY);
        String host = lab.board().profile().boot().login().hostname();
        String login = host + " login: ";
        String prompt = "root@" + host + ":~# ";
        int at = lab.waitFor(ConsoleRole.PRIMARY, login, 0, BOOT_TIMEOUT);
        if (at < 0) throw new IllegalStateException("session " + session.name() + ": the board did not reach its login prompt");
        console.type("root\n");
        at = lab.waitFor(ConsoleRole.PRIMARY, prompt, at, 5 * SECOND);
        if (at < 0) throw new IllegalStateException("session " + session.name() + ": no shell prompt after logging in");
        List<ReplayedCommand> out = new ArrayList<>();
        boolean hung = false;
        for (SessionFile.Command c : session.commands()) {
            int start = console.length();
            console.type(c.line() + "\n");
            int from = hung ? start : start + c.line().length() + 1;
            int end = lab.waitFor(ConsoleRole.PRIMARY, prompt, from, COMMAND_TIMEOUT);
            int stop = end < 0 ? console.length() : end - prompt.length();
            int textStart = Math.min(from, stop);
            String text = console.text().substring(textStart, stop);
            String writers = console.writers().substring(textStart, stop);
            hung = end < 0;
            int status = hung ? SessionFile.TIMEOUT : lab.linux().shell().map(s -> s.lastStatus()).orElse(SessionFile.TIMEOUT);
            out.add(new ReplayedCommand(c.line(), text, writers, status));
        }
        return out;
    }
}
