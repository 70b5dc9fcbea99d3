package dev.warden.rootcell.linux;

import dev.warden.emulator.el2.CpuHalted;
import dev.warden.rootcell.linux.ShellSyntax.CommandList;
import dev.warden.rootcell.linux.ShellSyntax.Connector;
import dev.warden.rootcell.linux.ShellSyntax.Pipeline;
import dev.warden.rootcell.linux.ShellSyntax.Redirect;
import dev.warden.rootcell.linux.ShellSyntax.SimpleCommand;
import dev.warden.rootcell.linux.ShellSyntax.Step;
import dev.warden.rootcell.linux.ShellSyntax.Word;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The shell's language and process plumbing, apart from any terminal: it parses a line
 * ({@link CommandLineParser}), expands words ({@link WordExpander}), sets up redirections and pipes,
 * finds the program (a builtin, an applet, a script) and runs it.
 *
 * <p>The stages of a pipeline run one after the other, each getting what the previous one wrote as
 * its standard input; the last one writes to the terminal as it goes, so its output interleaves
 * with the kernel's messages as on the board. A program that sleeps makes everything after it wait
 * for that much board time (a scheduler event), while the board, and the cells on it, keep running;
 * that is why running a line takes a callback rather than returning a status.
 */
public final class ShellInterpreter {

    /** The shell's name in its own messages: busybox sh started as a login shell. */
    static final String SH = "-sh";
    /** Programs that are part of sh itself: their errors carry the shell's name, not theirs. */
    static final Set<String> BUILTINS = Set.of("cd", "pwd", "true", "false", "set", "echo", "printf", "sh");

    /** Where a command's standard streams go; {@code columns} is the terminal's width, 0 for a pipe or file. */
    record Io(byte[] stdin, Output out, Output err, int columns) {}

    /** A script's (or the interactive shell's) positional parameters and {@code set -e}. */
    static final class Frame {
        final List<String> argv;
        boolean errexit;

        Frame(List<String> argv) {
            this.argv = List.copyOf(argv);
        }
    }

    private final LinuxModel kernel;
    private final RootFs fs;
    private final Io terminal;
    private final String home;
    private final Map<String, Applet> applets = new LinkedHashMap<>();
    private final Frame interactive = new Frame(List.of(SH));
    private String cwd;
    private int lastStatus;
    private boolean hung;
    private String hangReason = "";

    /**
     * @param terminal where the shell's terminal shows output
     * @param columns  the terminal's width (what {@code ls} lays its columns out for)
     */
    public ShellInterpreter(LinuxModel kernel, Output terminal, int columns, String home) {
        this.kernel = kernel;
        this.fs = kernel.fs();
        this.terminal = new Io(new byte[0], terminal, terminal, columns);
        this.home = home;
        this.cwd = home;
        ShellBuiltins.register(this);
        PrintCommands.register(this);
        FileApplets.register(this);
        LsApplet.register(this);
        GrepApplet.register(this);
        HexdumpApplet.register(this);
        SystemApplets.register(this);
        RigHelpers.register(this);
    }

    public void register(String name, Applet applet) {
        applets.put(name, applet);
    }

    public RootFs fs() { return fs; }

    public LinuxModel kernel() { return kernel; }

    public String cwd() { return cwd; }

    void cwd(String dir) { this.cwd = RootFs.normalize(dir); }

    String home() { return home; }

    public int lastStatus() { return lastStatus; }

    public boolean hung() { return hung; }

    public String hangReason() { return hangReason; }

    /** The kernel under the shell stopped: nothing more runs. */
    void halt() {
        hung = true;
    }

    /** A path as the shell's programs open it: absolute, or relative to the working directory. */
    public String resolve(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : (path.startsWith("/") ? path : cwd + "/" + path).split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (!parts.isEmpty()) parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    /**
     * Runs one command line typed at the terminal; {@code done} runs once it has finished, which
     * may be later in board time (sleep) or never (the shell's CPU was parked under it).
     */
    public void run(String line, Runnable done) {
        run(line, interactive, terminal, status -> done.run());
    }

    void run(String line, Frame frame, Io io, IntConsumer done) {
        if (hung) return;
        CommandList list;
        try {
            list = CommandLineParser.parse(line);
        } catch (CommandLineParser.SyntaxError e) {
            io.err().print(SH + ": " + e.getMessage() + "\n");
            lastStatus = 2;
            done.accept(2);
            return;
        }
        new ListRun(list, frame, io, done).from(0);
    }

    /** Runs the pipelines of one line in order, honouring ;, &&, || and set -e, waiting where one sleeps. */
    private final class ListRun {
        private final List<Step> steps;
        private final Frame frame;
        private final Io io;
        private final IntConsumer done;

        ListRun(CommandList list, Frame frame, Io io, IntConsumer done) {
            this.steps = list.steps();
            this.frame = frame;
            this.io = io;
            this.done = done;
        }

        void from(int index) {
            for (int i = index; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (step.connector() == Connector.IF_SUCCESS && lastStatus != 0) continue;
                if (step.connector() == Connector.IF_FAILURE && lastStatus == 0) continue;
                int next = i + 1;
                boolean guarded = next < steps.size() && steps.get(next).connector() != Connector.ALWAYS;
                // the continuation runs now for most commands; later for one that sleeps
                boolean[] synchronous = {true};
                boolean[] finished = {false};
                boolean[] stop = {false};
                runPipeline(step.pipeline(), frame, io, status -> {
                    lastStatus = status;
                    boolean exit = frame.errexit && status != 0 && !guarded;
                    if (synchronous[0]) {
                        finished[0] = true;
                        stop[0] = exit;
                    } else if (exit) {
                        done.accept(status);
                    } else {
                        from(next);
                    }
                });
                synchronous[0] = false;
                if (!finished[0]) return; // it goes on from the scheduler, or never (hung)
                if (stop[0]) {
                    done.accept(lastStatus);
                    return;
                }
            }
            done.accept(lastStatus);
        }
    }

    private void runPipeline(Pipeline p, Frame frame, Io io, IntConsumer done) {
        runStage(p.commands(), 0, io.stdin(), frame, io, done);
    }

    private void runStage(List<SimpleCommand> stages, int i, byte[] input, Frame frame, Io io, IntConsumer done) {
        boolean last = i == stages.size() - 1;
        Output.Buffer pipe = last ? null : new Output.Buffer();
        Io stageIo = new Io(input, last ? io.out() : pipe, io.err(), last ? io.columns() : 0);
        runCommand(stages.get(i), frame, stageIo, status -> {
            if (last) done.accept(status);
            else runStage(stages, i + 1, pipe.bytes(), frame, io, done);
        });
    }

    /** A file a command's output goes to: collected, then written when the command ends. */
    private record FileOutput(String shown, String path, Output.Buffer buffer) {}

    private void runCommand(SimpleCommand cmd, Frame frame, Io io, IntConsumer done) {
        WordExpander expander = new WordExpander(name -> parameter(name, frame), fs, this::resolve);
        List<String> argv = new ArrayList<>();
        for (Word w : cmd.words()) argv.addAll(expander.expand(w));
        List<FileOutput> files = new ArrayList<>();
        Io redirected = redirect(cmd.redirects(), io, expander, files);
        if (redirected == null) {
            done.accept(1);
            return;
        }
        if (argv.isEmpty()) {
            done.accept(0);
            return;
        }
        String name = argv.get(0);
        IntConsumer finish = status -> done.accept(flush(files, name, io, status));
        if (name.equals("sh")) {
            shCommand(argv, redirected, finish);
            return;
        }
        Applet applet = name.contains("/") ? null : applets.get(name);
        if (applet == null) {
            runFile(name, argv, redirected, finish);
            return;
        }
        Invocation call = new Invocation(argv, redirected.stdin(), redirected.out(), redirected.err(), this,
                redirected.columns(), frame);
        int status;
        try {
            status = applet.run(call);
        } catch (CpuHalted stuck) {
            // the CPU this shell runs on was parked, or spins in the hypervisor: it never comes back to us
            hung = true;
            hangReason = stuck.getMessage();
            return;
        }
        if (kernel.panicked() && !hung) {
            // the program stopped the kernel under us (poweroff -f): nothing after it runs
            hung = true;
            hangReason = "the kernel stopped";
        }
        long wait = call.sleepNanos();
        if (wait > 0 && !hung) {
            kernel.board().scheduler().after(wait, "shell: " + String.join(" ", argv), () -> {
                if (!hung) finish.accept(status);
            });
        } else if (!hung) {
            finish.accept(status);
        }
    }

    /** $?, $#, $0..$9, and the few variables a login shell has. */
    private String parameter(String name, Frame frame) {
        switch (name) {
            case "?":
                return Integer.toString(lastStatus);
            case "#":
                return Integer.toString(frame.argv.size() - 1);
            case "$":
                return "1"; // no process ids here; deterministic, like everything else
            case "HOME":
                return home;
            case "PWD":
                return cwd;
            case "USER", "LOGNAME":
                return "root";
            case "PATH":
                return "/sbin:/usr/sbin:/bin:/usr/bin";
            default:
                if (name.chars().allMatch(Character::isDigit)) {
                    int n = Integer.parseInt(name);
                    return n < frame.argv.size() ? frame.argv.get(n) : null;
                }
                return null;
        }
    }

    /**
     * Applies the redirections in order; null (after sh's message) when a file cannot be opened, in
     * which case the command does not run. Output files are created or truncated now, as open() does.
     */
    private Io redirect(List<Redirect> redirects, Io io, WordExpander expander, List<FileOutput> files) {
        byte[] stdin = io.stdin();
        Output out = io.out();
        Output err = io.err();
        int columns = io.columns();
        for (Redirect r : redirects) {
            List<String> fields = expander.expand(r.target());
            String target = fields.size() == 1 ? fields.get(0) : r.target().literal();
            switch (r.kind()) {
                case READ -> {
                    String path = resolve(target);
                    Optional<byte[]> content = fs.read(path);
                    if (content.isEmpty()) {
                        io.err().print(SH + ": can't open " + target + ": "
                                + (fs.isDirectory(path) ? FileError.EISDIR.strerror() : "no such file") + "\n");
                        return null;
                    }
                    if (r.fd() == 0) stdin = content.get();
                }
                case WRITE, APPEND -> {
                    String path = resolve(target);
                    Optional<FileError> refused = r.kind() == ShellSyntax.RedirectKind.WRITE
                            ? fs.write(path, new byte[0]) : fs.openForWriting(path);
                    if (refused.isPresent()) {
                        FileError e = refused.get();
                        io.err().print(SH + ": can't create " + target + ": "
                                + (e == FileError.ENOENT ? "nonexistent directory" : e.strerror()) + "\n");
                        return null;
                    }
                    FileOutput file = new FileOutput(target, path, new Output.Buffer());
                    files.add(file);
                    if (r.fd() == 1) {
                        out = file.buffer();
                        columns = 0;
                    } else if (r.fd() == 2) {
                        err = file.buffer();
                    }
                }
                case DUPLICATE -> {
                    if (target.equals("1") && r.fd() == 2) err = out;
                    if (target.equals("2") && r.fd() == 1) {
                        out = err;
                        columns = io.columns();
                    }
                }
                default -> throw new IllegalStateException(r.kind().name());
            }
        }
        return new Io(stdin, out, err, columns);
    }

    /** Writes what a command sent into files; a file that refuses the bytes (/proc) fails the command. */
    private int flush(List<FileOutput> files, String command, Io io, int status) {
        int result = status;
        for (FileOutput f : files) {
            Optional<FileError> e = fs.append(f.path(), f.buffer().bytes());
            if (e.isPresent()) {
                io.err().print((BUILTINS.contains(command) ? SH : command) + ": write error: " + e.get().strerror() + "\n");
                result = 1;
            }
        }
        return result;
    }

    /**
     * A command named by its path: a script runs line by line in its own frame (its {@code cd}
     * stays inside it); a file users wrote has no execute permission; other names are not found.
     */
    private void runFile(String name, List<String> argv, Io io, IntConsumer done) {
        if (!name.contains("/")) {
            io.err().print(SH + ": " + name + ": not found\n");
            done.accept(127);
            return;
        }
        String path = resolve(name);
        Optional<RootFs.FileStat> stat = fs.stat(path);
        if (stat.isEmpty()) {
            io.err().print(SH + ": " + name + ": not found\n");
            done.accept(127);
            return;
        }
        if (stat.get().directory() || stat.get().mode().charAt(3) != 'x') {
            io.err().print(SH + ": " + name + ": Permission denied\n");
            done.accept(126);
            return;
        }
        runScript(new String(fs.read(path).orElseThrow(), StandardCharsets.ISO_8859_1), argv, io, done);
    }

    /** {@code sh FILE [ARGS]}, {@code sh -c 'LINE'}, or {@code sh} reading its script from standard input. */
    private void shCommand(List<String> argv, Io io, IntConsumer done) {
        if (argv.size() >= 3 && argv.get(1).equals("-c")) {
            runScript(argv.get(2), argv.subList(2, argv.size()), io, done);
            return;
        }
        if (argv.size() == 1) {
            runScript(new String(io.stdin(), StandardCharsets.ISO_8859_1), List.of("sh"), new Io(new byte[0], io.out(),
                    io.err(), io.columns()), done);
            return;
        }
        String path = resolve(argv.get(1));
        Optional<byte[]> text = fs.read(path);
        if (text.isEmpty()) {
            io.err().print("sh: can't open '" + argv.get(1) + "': No such file or directory\n");
            done.accept(2);
            return;
        }
        runScript(new String(text.get(), StandardCharsets.ISO_8859_1), argv.subList(1, argv.size()), io, done);
    }

    /** Runs a script's lines one after the other, each possibly waiting; a child's cwd does not leak back. */
    private void runScript(String text, List<String> argv, Io io, IntConsumer done) {
        Frame frame = new Frame(argv);
        String savedCwd = cwd;
        List<String> lines = List.of(text.split("\n"));
        new Object() {
            int status;

            void line(int i) {
                while (i < lines.size()) {
                    String l = lines.get(i).strip();
                    i++;
                    if (l.isEmpty() || l.startsWith("#")) continue;
                    int next = i;
                    boolean[] synchronous = {true};
                    boolean[] finished = {false};
                    boolean[] stop = {false};
                    run(l, frame, io, s -> {
                        status = s;
                        boolean exit = frame.errexit && s != 0;
                        if (synchronous[0]) {
                            finished[0] = true;
                            stop[0] = exit;
                        } else if (exit) {
                            end();
                        } else {
                            line(next);
                        }
                    });
                    synchronous[0] = false;
                    if (!finished[0]) return;
                    if (stop[0]) break;
                }
                end();
            }

            void end() {
                cwd = savedCwd;
                done.accept(status);
            }
        }.line(0);
    }
}
