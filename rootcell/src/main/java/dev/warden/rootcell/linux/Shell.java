package dev.warden.rootcell.linux;

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
 * receive interrupt and is read from its registers; commands run against {@link RootFs}. Programs
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

    /** Virtual time between Enter and the command's first output. */
    static final long COMMAND_LATENCY_NS = 2_000_000;

    private final Board board;
    private final LinuxModel kernel;
    private final UartDriver tty;
    private final Login login;
    private final RootFs fs;
    private final Map<String, ShellCommand> commands = new LinkedHashMap<>();
    private final StringBuilder line = new StringBuilder();
    private boolean loggedIn;
    private String cwd = "/home/root";
    private boolean ready;
    private int lastStatus;
    private boolean hung;
    private String hangReason = "";

    Shell(Board board, LinuxModel kernel, UartDriver tty, Login login, RootFs fs) {
        this.board = board;
        this.kernel = kernel;
        this.tty = tty;
        this.login = login;
        this.fs = fs;
        BuiltinCommands.register(this, commands, fs, kernel);
        board.consoles().values().stream().filter(c -> c.port().name() != null)
                .filter(c -> board.profile().device(c.name()).map(d -> d.primary().base() == tty.base()).orElse(false))
                .findFirst().ifPresent(c -> c.port().onReceiveReady(this::onInput));
    }

    public void register(String name, ShellCommand command) {
        commands.put(name, command);
    }

    public RootFs fs() { return fs; }

    /** The shell's working directory. */
    public String cwd() { return cwd; }

    void cwd(String dir) { this.cwd = RootFs.normalize(dir); }

    /** root's home directory. */
    String home() { return "/home/root"; }

    /** A path as the shell's programs open it: absolute, or relative to the working directory. */
    public String resolve(String path) {
        if (path.startsWith("/")) return RootFs.normalize(path);
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String p : (cwd + "/" + path).split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (!parts.isEmpty()) parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    public int lastStatus() { return lastStatus; }

    public boolean loggedIn() { return loggedIn; }

    void showLogin() {
        if (hung) return;
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
        onInput();
    }

    private void onInput() {
        int c;
        // while a command runs, typed bytes wait in the UART's FIFO, as they do in a tty's buffer
        while (ready && !hung && (c = tty.getc()) >= 0) {
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
                int typed = c;
                board.writer().as(kernel.outputTag(false), () -> tty.putc(typed)); // the tty echoes, at the login prompt too
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
        if (input.isBlank()) {
            prompt();
            return;
        }
        // the command runs a moment after Enter, as a process the shell forks does
        ready = false;
        board.scheduler().after(COMMAND_LATENCY_NS, "shell: " + input.trim(), () -> {
            execute(input.trim());
            ready = true;
            prompt();
            onInput();
        });
    }

    private void prompt() {
        if (hung) return;
        print("root@" + login.hostname() + ":~# ");
    }

    /**
     * Runs one command line: {@code cmd args...}, with {@code $?} and simple quoting. A path to a
     * script in the root file system runs its lines in order and stops at the first that fails.
     */
    public void execute(String commandLine) {
        if (hung) return;
        List<String> args = split(commandLine.replace("$?", Integer.toString(lastStatus)));
        if (args.isEmpty()) return;
        ShellCommand cmd = commands.get(args.get(0));
        try {
            if (cmd != null) {
                lastStatus = cmd.run(args, this::print);
            } else if (args.get(0).startsWith("/") && fs.read(args.get(0)).isPresent()) {
                lastStatus = runScript(args.get(0));
            } else if (args.get(0).startsWith("/")) {
                print("-sh: " + args.get(0) + ": No such file or directory\n");
                lastStatus = 127;
            } else {
                print("-sh: " + args.get(0) + ": command not found\n");
                lastStatus = 127;
            }
        } catch (dev.warden.emulator.el2.CpuHalted stuck) {
            // the CPU this shell runs on was parked, or spins in the hypervisor: it never comes back to us
            hung = true;
            hangReason = stuck.getMessage();
        }
    }

    private int runScript(String path) {
        String text = new String(fs.read(path).orElseThrow(), StandardCharsets.ISO_8859_1);
        int status = 0;
        for (String raw : text.split("\n")) {
            String l = raw.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("set ")) continue;
            execute(l);
            status = lastStatus;
            if (status != 0 || hung) break;
        }
        return status;
    }

    /** The kernel under the shell stopped: nothing more is read or printed. */
    void halt() {
        hung = true;
    }

    /** Whether the shell's CPU was parked under it or is stuck in the hypervisor. */
    public boolean hung() { return hung; }

    /** Why the shell stopped answering, when it did. */
    public String hangReason() { return hangReason; }

    void print(String text) {
        board.writer().as(kernel.outputTag(false), () -> tty.print(text));
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

}
