package dev.warden.rootcell.linux;

import dev.warden.emulator.board.Board;
import dev.warden.emulator.devices.uart.UartDriver;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.profile.BoardProfile.Login;
import java.nio.charset.StandardCharsets;

/**
 * The root file system's login and shell on the console UART. Input arrives through the UART's
 * receive interrupt and is read from its registers; the line typed is echoed, then run by the
 * {@link ShellInterpreter} against {@link RootFs}. Programs such as {@code jailhouse} register
 * themselves with {@link #register}.
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

    /**
     * The width of the serial terminal, for programs that lay out columns (ls). The rig's serial
     * console was wider than the 170 columns its {@code ls /sys/devices/jailhouse} needed for one
     * line (the recordings never wrap there); Warden's console is 200 columns wide.
     */
    public static final int TERMINAL_COLUMNS = 200;

    private final Board board;
    private final LinuxModel kernel;
    private final UartDriver tty;
    private final Login login;
    private final RootFs fs;
    private final ShellInterpreter interpreter;
    private final StringBuilder line = new StringBuilder();
    private boolean loggedIn;
    private boolean ready;
    /** The console UART's interrupt (GIC INTID), -1 when the profile names none. */
    private final int ttyIrq;

    Shell(Board board, LinuxModel kernel, UartDriver tty, Login login, RootFs fs) {
        this.board = board;
        this.kernel = kernel;
        this.tty = tty;
        this.login = login;
        this.fs = fs;
        this.interpreter = new ShellInterpreter(kernel, bytes -> print(new String(bytes, StandardCharsets.ISO_8859_1)),
                TERMINAL_COLUMNS, "/home/root");
        board.consoles().values().stream().filter(c -> c.port().name() != null)
                .filter(c -> board.profile().device(c.name()).map(d -> d.primary().base() == tty.base()).orElse(false))
                .findFirst().ifPresent(c -> c.port().onReceiveReady(this::onInput));
        this.ttyIrq = board.profile().devices().stream().filter(d -> d.primary().base() == tty.base())
                .mapToInt(BoardProfile.Device::irq).findFirst().orElse(-1);
    }

    /**
     * Whether the console's receive interrupt goes to a CPU this kernel no longer has: a cell
     * that owns the UART's interrupt (QEMU virt's linux-demo shares the only PL011) enabled it
     * for its own CPU, and its kernel, not this shell, reads what is typed. The root's input
     * comes back with the CPU when the cell is destroyed.
     */
    private boolean inputTakenByACell() {
        if (ttyIrq < 32) return false;
        int cpu = board.gic().map(g -> g.spiTarget(ttyIrq)).orElse(-1);
        return cpu >= 0 && !kernel.onlineCpus().contains(cpu);
    }

    /** Installs a program written against the text-only {@link ShellCommand} interface. */
    public void register(String name, ShellCommand command) {
        interpreter.register(name, call -> command.run(call.args(), call.out()::print));
    }

    public void register(String name, Applet applet) {
        interpreter.register(name, applet);
    }

    public RootFs fs() { return fs; }

    /** The shell's working directory. */
    public String cwd() { return interpreter.cwd(); }

    /** A path as the shell's programs open it: absolute, or relative to the working directory. */
    public String resolve(String path) {
        return interpreter.resolve(path);
    }

    public int lastStatus() { return interpreter.lastStatus(); }

    public boolean loggedIn() { return loggedIn; }

    void showLogin() {
        if (interpreter.hung()) return;
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
        while (ready && !interpreter.hung() && !inputTakenByACell() && (c = tty.getc()) >= 0) {
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
        board.scheduler().after(COMMAND_LATENCY_NS, "shell: " + input.trim(), () -> interpreter.run(input.trim(), () -> {
            // the command has finished (a sleep finishes later in board time; a parked CPU, never)
            ready = true;
            prompt();
            onInput();
        }));
    }

    private void prompt() {
        if (interpreter.hung()) return;
        print("root@" + login.hostname() + ":~# ");
    }

    /**
     * Runs one command line as if typed, without the prompt: its output goes to the terminal. A
     * command that sleeps finishes later in board time.
     */
    public void execute(String commandLine) {
        interpreter.run(commandLine, () -> { });
    }

    /** The kernel under the shell stopped: nothing more is read or printed. */
    void halt() {
        interpreter.halt();
    }

    /** Whether the shell's CPU was parked under it or is stuck in the hypervisor (or the board was powered off). */
    public boolean hung() { return interpreter.hung(); }

    /** Why the shell stopped answering, when it did. */
    public String hangReason() { return interpreter.hangReason(); }

    void print(String text) {
        board.writer().as(kernel.outputTag(false), () -> tty.print(text));
    }

}
