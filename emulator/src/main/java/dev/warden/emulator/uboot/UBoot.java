package dev.warden.emulator.uboot;

import dev.warden.emulator.board.Board;
import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.devices.uart.UartDriver;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.uboot.HushScript.Command;
import dev.warden.emulator.uboot.HushScript.ForLoop;
import dev.warden.emulator.uboot.HushScript.IfElse;
import dev.warden.emulator.uboot.HushScript.Join;
import dev.warden.emulator.uboot.HushScript.Node;
import dev.warden.emulator.uboot.HushScript.Sequence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The U-Boot model: it prints its banner on the primary UART, counts down, and runs
 * {@code bootcmd} through its own hush shell: import uEnv.txt, load the kernel and the DTB,
 * resize the DTB, apply each overlay, {@code booti}. A key typed during the countdown stops at the
 * {@code =>} prompt, where commands can be typed. Everything it loads goes into the board's RAM and
 * is edited there, so after a failed {@code fdt apply} the tree in RAM is what U-Boot leaves behind.
 *
 * <p>U-Boot runs alone on the boot CPU: while a command works it advances virtual time itself by
 * the time the work takes (reading the SD card at {@link #SD_READ_BYTES_PER_MS}).
 */
public final class UBoot {

    static final long SD_READ_BYTES_PER_MS = 20_000;
    private static final long SECOND = 1_000_000_000L;
    static final String PROMPT = "=> ";

    private final Board board;
    private final BootMedia media;
    private final KernelLauncher launcher;
    private final Environment env = new Environment();
    private final UartDriver uart;
    private final Map<String, UBootCommand> commands = new LinkedHashMap<>();
    private final FdtCommand fdt;
    private final StringBuilder inputLine = new StringBuilder();
    private boolean interactive;
    private boolean autobootPending;
    private Optional<KernelHandoff> handoff = Optional.empty();
    private int runDepth;
    private final java.util.List<String> diagnostics = new java.util.ArrayList<>();

    public UBoot(Board board, BootMedia media, KernelLauncher launcher) {
        this.board = board;
        this.media = media;
        this.launcher = launcher;
        BoardProfile.Device primary = board.profile().device(board.profile().consoles().primary()).orElseThrow();
        this.uart = new UartDriver(board.bus(), primary.primary().base(),
                primary.kind().equals("pl011") ? UartDriver.Type.PL011 : UartDriver.Type.NS16550, primary.regShift());
        DefaultEnvironments.install(env, board.profile());
        this.fdt = new FdtCommand();
        BasicCommands.register(commands);
        commands.put("mmc", new MmcCommand());
        commands.put("load", new LoadCommand());
        commands.put("fatload", new LoadCommand());
        commands.put("ext4load", new LoadCommand());
        commands.put("fdt", fdt);
        commands.put("booti", new BootiCommand());
        commands.put("boot", (u, a) -> u.runScript(u.env.getOrEmpty("bootcmd")));
        commands.put("run", (u, a) -> {
            int rc = 0;
            for (String var : a.subList(1, a.size())) {
                rc = u.runVariable(var);
                if (rc != 0) return rc;
            }
            return rc;
        });
    }

    public Environment environment() { return env; }

    public BootMedia media() { return media; }

    public Board board() { return board; }

    /** The working device tree of the {@code fdt} command, if one was set. */
    public Optional<Long> workingFdtAddress() { return fdt.workingAddress(); }

    /** What {@code booti} handed to the kernel, once it did. */
    public Optional<KernelHandoff> handoff() { return handoff; }

    public boolean atPrompt() { return interactive; }

    /**
     * What went wrong on the way that U-Boot itself passes over in silence or with a terse line:
     * malformed uEnv.txt lines, files the environment names that the boot media lacks.
     */
    public java.util.List<String> diagnostics() { return java.util.List.copyOf(diagnostics); }

    /** Starts the firmware at the current virtual time. */
    public void powerOn() {
        board.console(ConsoleRole.PRIMARY).port().onReceiveReady(this::onInput);
        board.scheduler().after(0, "u-boot: banner", this::banner);
    }

    private void banner() {
        BoardProfile.Boot boot = board.profile().boot();
        print("\nU-Boot " + boot.ubootVersion() + "\n\n");
        if (!boot.socName().isEmpty()) print("SoC:   " + boot.socName() + "\n");
        print("Model: " + board.profile().description() + "\n");
        long dram = board.profile().ram().stream().mapToLong(BoardProfile.RamBank::size).sum();
        print("DRAM:  " + UBootSizes.size(dram, "") + "\n");
        String serial = serialNodeName();
        print("In:    " + serial + "\nOut:   " + serial + "\nErr:   " + serial + "\n");
        int delay = Integer.parseInt(env.get("bootdelay").orElse("2"));
        autobootPending = true;
        print("Hit any key to stop autoboot: " + String.format("%2d ", delay));
        onInput(); // a key pressed before the countdown waits in the UART's FIFO
        countdown(delay);
    }

    private String serialNodeName() {
        BoardProfile.Device d = board.profile().device(board.profile().consoles().primary()).orElseThrow();
        return (d.kind().equals("pl011") ? "pl011@" : "serial@") + Long.toHexString(d.primary().base());
    }

    private void countdown(int remaining) {
        if (!autobootPending) return;
        if (remaining == 0) {
            autobootPending = false;
            print("\n");
            runScript(env.getOrEmpty("bootcmd"));
            if (handoff.isEmpty()) prompt(); // bootcmd failed: U-Boot falls back to its prompt
            return;
        }
        board.scheduler().after(SECOND, "u-boot: autoboot countdown", () -> {
            if (!autobootPending) return;
            print("\b\b\b" + String.format("%2d ", remaining - 1));
            countdown(remaining - 1);
        });
    }

    private void prompt() {
        interactive = true;
        print(PROMPT);
    }

    /** Reads typed bytes through the UART's registers, as U-Boot's serial driver does. */
    private void onInput() {
        if (!autobootPending && !interactive) return; // nobody reads the UART: bytes stay in its FIFO
        int c;
        while ((c = uart.getc()) >= 0) {
            if (autobootPending) {
                autobootPending = false;
                print("\b\b\b 0 \n");
                prompt();
                continue;
            }
            if (!interactive) continue;
            if (c == '\r' || c == '\n') {
                print("\n");
                String line = inputLine.toString();
                inputLine.setLength(0);
                interactive = false;
                if (!line.isBlank()) runScript(line);
                if (handoff.isEmpty()) prompt();
            } else if (c == 8 || c == 127) {
                if (inputLine.length() > 0) {
                    inputLine.setLength(inputLine.length() - 1);
                    print("\b \b");
                }
            } else {
                inputLine.append((char) c);
                uart.putc(c);
            }
        }
    }

    /** Runs a command line or script; returns the exit status of the last command. */
    public int runScript(String script) {
        Node node;
        try {
            node = HushScript.parse(script);
        } catch (UBootSyntaxException e) {
            print(e.getMessage() + "\n");
            return 1;
        }
        return execute(node);
    }

    int runVariable(String name) {
        Optional<String> script = env.get(name);
        if (script.isEmpty()) {
            print("## Error: \"" + name + "\" not defined\n");
            return 1;
        }
        if (++runDepth > 32) {
            runDepth = 0;
            print("## Error: too many nested 'run' commands\n");
            return 1;
        }
        try {
            return runScript(script.get());
        } finally {
            runDepth--;
        }
    }

    private int execute(Node node) {
        if (handoff.isPresent()) return 0; // the kernel owns the machine now
        if (node instanceof Command c) return command(env.expandToWords(c.words()));
        if (node instanceof Sequence s) {
            int rc = 0;
            for (int i = 0; i < s.nodes().size(); i++) {
                Join join = s.joins().get(i);
                if (join == Join.IF_OK && rc != 0) continue;
                if (join == Join.IF_FAILED && rc == 0) continue;
                rc = execute(s.nodes().get(i));
            }
            return rc;
        }
        if (node instanceof ForLoop f) {
            int rc = 0;
            for (String value : env.expandToWords(f.words())) {
                env.set(f.variable(), value);
                rc = execute(f.body());
            }
            return rc;
        }
        IfElse i = (IfElse) node;
        return execute(i.condition()) == 0 ? execute(i.then()) : execute(i.otherwise());
    }

    private int command(List<String> args) {
        if (args.isEmpty()) return 0;
        String name = args.get(0);
        UBootCommand cmd = commands.get(name);
        if (cmd == null) {
            print("Unknown command '" + name + "' - try 'help'\n");
            return 1;
        }
        return cmd.run(this, args);
    }

    // ---- services for commands ----

    public void print(String text) {
        uart.print(text);
    }

    /** Time the current command's work takes; U-Boot is the only thing running. */
    void elapse(long nanos) {
        board.clock().advanceBy(nanos);
    }

    void importEnvironment(String text, String source) {
        diagnostics.addAll(env.importText(text, media.folder().resolve(source).toString()));
    }

    void recordMissingFile(String path) {
        diagnostics.add("the boot media " + media.folder() + " has no file " + path);
    }

    void handOff(KernelHandoff h) {
        handoff = Optional.of(h);
        launcher.start(h);
    }

    FdtCommand fdtCommand() {
        return fdt;
    }
}
