package dev.warden.rootcell.linux;

import java.util.List;

/**
 * One run of a program: its argument vector (argv[0] is its name), standard input (what the
 * previous command of a pipeline wrote, or a redirected file), standard output and error, and the
 * shell it runs under (working directory, file system, kernel). A program that waits, such as
 * {@code sleep}, asks for virtual time with {@link #sleep}: the shell goes on only once the board
 * has run that long.
 */
public final class Invocation {

    private final List<String> args;
    private final byte[] stdin;
    private final Output out;
    private final Output err;
    private final ShellInterpreter shell;
    private final int columns;
    private final ShellInterpreter.Frame frame;
    private long sleepNanos;

    Invocation(List<String> args, byte[] stdin, Output out, Output err, ShellInterpreter shell, int columns,
               ShellInterpreter.Frame frame) {
        this.frame = frame;
        this.args = List.copyOf(args);
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.shell = shell;
        this.columns = columns;
    }

    /** argv: the program's name, then its arguments. */
    public List<String> args() { return args; }

    /** The arguments after the program's name. */
    public List<String> operands() { return args.subList(1, args.size()); }

    public String name() { return args.get(0); }

    public byte[] stdin() { return stdin.clone(); }

    public Output out() { return out; }

    public Output err() { return err; }

    /** The width of the terminal standard output goes to, or 0 when it goes to a pipe or a file. */
    public int terminalColumns() { return columns; }

    public boolean stdoutIsTerminal() { return columns > 0; }

    /** A path as the program opens it: absolute, or relative to the shell's working directory. */
    public String resolve(String path) { return shell.resolve(path); }

    public RootFs fs() { return shell.fs(); }

    public LinuxModel kernel() { return shell.kernel(); }

    ShellInterpreter shell() { return shell; }

    /** The script (or interactive session) the program runs in: where {@code set -e} takes effect. */
    ShellInterpreter.Frame frame() { return frame; }

    /** Makes the shell wait this long (board time) before it goes on, while the board keeps running. */
    public void sleep(long nanos) {
        sleepNanos += Math.max(0, nanos);
    }

    long sleepNanos() { return sleepNanos; }

    /** An error message on standard error, prefixed with the program's name as busybox applets do. */
    public void error(String message) {
        err.print(name() + ": " + message + "\n");
    }
}
