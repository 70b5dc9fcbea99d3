package dev.warden.hypervisor.rootcell.linux;

import dev.warden.emulator.board.Board;
import dev.warden.emulator.devices.uart.UartDriver;
import dev.warden.emulator.profile.BoardProfile.Login;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The root file system's login and shell on the console UART. Input arrives through the UART's
 * receive interrupt and is read from its registers; commands run against {@link ProcFs}. Programs
 * such as {@code jailhouse} register themselves with {@link #register}.
 */
public final class Shell {

    /** Where a command writes. */
    public interface Terminal {
        void print(String text);
    }

    private static final String ARAGO_BANNER = String.join("\n",
            " _____                    _____           _         _",
            "|  _  |___ ___ ___ ___   |  _  |___ ___  |_|___ ___| |_",
            "|     |  _| .'| . | . |  |   __|  _| . | | | -_|  _|  _|",
            "|__|__|_| |__,|_  |___|  |__|  |_| |___|_| |___|___|_|",
            "              |___|                    |___|", "");

    private final Board board;
    private final RootCellLinux kernel;
    private final UartDriver tty;
    private final Login login;
    private final ProcFs fs;
    private final Map<String, ShellCommand> commands = new LinkedHashMap<>();
    private final StringBuilder line = new StringBuilder();
    private boolean loggedIn;
    private boolean ready;
    private int lastStatus;

    Shell(Board board, RootCellLinux kernel, UartDriver tty, Login login) {
        this.board = board;
        this.kernel = kernel;
        this.tty = tty;
        this.login = login;
        this.fs = new ProcFs(kernel, board);
        BuiltinCommands.register(this, commands, fs, kernel);
        board.consoles().values().stream().filter(c -> c.port().name() != null)
                .filter(c -> board.profile().device(c.name()).map(d -> d.primary().base() == tty.base()).orElse(false))
                .findFirst().ifPresent(c -> c.port().onReceiveReady(this::onInput));
    }

    public void register(String name, ShellCommand command) {
        commands.put(name, command);
    }

    public ProcFs fs() { return fs; }

    public int lastStatus() { return lastStatus; }

    public boolean loggedIn() { return loggedIn; }

    void showLogin() {
        StringBuilder sb = new StringBuilder("\n");
        if (login.banner().equals("arago")) sb.append(ARAGO_BANNER).append('\n');
        String ttyName = login.tty();
        if (login.banner().equals("arago")) {
            sb.append("Arago Project http://arago-project.org ").append(login.hostname()).append(' ').append(ttyName).append("\n\n");
        }
        sb.append(login.distribution()).append(' ').append(login.hostname()).append(' ').append(ttyName).append("\n\n");
        sb.append(login.hostname()).append(" login: ");
        print(sb.toString());
        ready = true;
    }

    private void onInput() {
        int c;
        while ((c = tty.getc()) >= 0) {
            if (!ready) continue;
            if (c == '\r' || c == '\n') {
                print("\n");
                String input = line.toString();
                line.setLength(0);
                accept(input);
            } else if (c == 127 || c == 8) {
                if (line.length() > 0) {
                    line.setLength(line.length() - 1);
                    print("\b \b");
                }
            } else {
                line.append((char) c);
                if (loggedIn) tty.putc(c); // no echo while typing the user name? getty echoes too
                else tty.putc(c);
            }
        }
    }

    private void accept(String input) {
        if (!loggedIn) {
            if (input.trim().equals("root")) {
                loggedIn = true;
                prompt();
            } else {
                print("\nLogin incorrect\n" + login.hostname() + " login: ");
            }
            return;
        }
        if (!input.isBlank()) execute(input.trim());
        prompt();
    }

    private void prompt() {
        print("root@" + login.hostname() + ":~# ");
    }

    /** Runs one command line: {@code cmd args...}, with {@code $?} and simple quoting. */
    public void execute(String commandLine) {
        List<String> args = split(commandLine.replace("$?", Integer.toString(lastStatus)));
        if (args.isEmpty()) return;
        ShellCommand cmd = commands.get(args.get(0));
        if (cmd == null) {
            print("-sh: " + args.get(0) + ": command not found\n");
            lastStatus = 127;
            return;
        }
        lastStatus = cmd.run(args, this::print);
    }

    void print(String text) {
        tty.print(text);
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0;
                else w.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) out.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(w.toString());
        return out;
    }

    Optional<String> hostname() {
        return Optional.of(login.hostname());
    }

    byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
