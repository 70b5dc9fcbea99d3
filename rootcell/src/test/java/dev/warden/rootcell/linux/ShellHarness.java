package dev.warden.rootcell.linux;

import dev.warden.emulator.board.Board;
import dev.warden.emulator.profile.BoardProfiles;
import java.nio.charset.StandardCharsets;

/**
 * The shell without a boot: a four-CPU QEMU-like board that never runs, its (unbooted) Linux model
 * for the root file system, and a {@link ShellInterpreter} whose terminal is a buffer. {@link #run}
 * types one line and returns what the terminal showed; a command that sleeps is finished by
 * running the board's scheduler.
 */
final class ShellHarness {

    static final String PROFILE = """
            name: test-board
            description: a board for the shell's tests
            cpus:
              - { name: cpu0, mpidr: 0x0, core: cortex-a57 }
              - { name: cpu1, mpidr: 0x1, core: cortex-a57 }
              - { name: cpu2, mpidr: 0x2, core: cortex-a57 }
              - { name: cpu3, mpidr: 0x3, core: cortex-a57 }
            ram:
              - { name: ram, base: 0x40000000, size: 0x40000000 }
            timer:
              frequency: 62500000
            psci:
              conduit: smc
              version: "1.1"
            devices:
              - { name: uart0, kind: pl011, compatible: [arm,pl011, arm,primecell], address: 0x09000000, size: 0x1000, irq: 33, clock: 24000000 }
            consoles:
              primary: uart0
            boot:
              media: target/no-boot-media
              dtb: none.dtb
              u-boot:
                environment: distro
                version: 2023.01
                fdt-address: 0x40000000
                overlay-address: 0x40200000
                kernel-address: 0x40400000
              login:
                hostname: demo
                tty: ttyAMA0
                distribution: Debian GNU/Linux 11
                banner: none
            """;

    final Board board = new Board(BoardProfiles.parse(PROFILE, "test-board.yaml", null));
    final LinuxModel kernel = new LinuxModel(board);
    final Output.Buffer terminal = new Output.Buffer();
    final ShellInterpreter shell;
    private int shown;
    private boolean finished;

    ShellHarness() {
        this(80);
    }

    ShellHarness(int columns) {
        shell = new ShellInterpreter(kernel, terminal, columns, "/home/root");
    }

    RootFs fs() {
        return kernel.fs();
    }

    /** Runs a line to its end (letting board time pass for a sleep) and returns what it printed. */
    String run(String line) {
        finished = false;
        shell.run(line, () -> finished = true);
        if (!finished) board.runUntil(() -> finished, board.clock().now() + 3600L * 1_000_000_000L);
        return newOutput();
    }

    /** Starts a line without waiting for a command that sleeps. */
    void start(String line) {
        finished = false;
        shell.run(line, () -> finished = true);
    }

    boolean finished() {
        return finished;
    }

    String newOutput() {
        String all = terminal.text();
        String out = all.substring(shown);
        shown = all.length();
        return out;
    }

    int status() {
        return shell.lastStatus();
    }

    byte[] file(String path) {
        return fs().read(path).orElseThrow(() -> new AssertionError("no file " + path));
    }

    String text(String path) {
        return new String(file(path), StandardCharsets.ISO_8859_1);
    }
}
