package dev.warden.cli;

import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import dev.warden.config.JailhouseRelease;
import dev.warden.lab.BootRequest;
import dev.warden.lab.Lab;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warden boot}: powers a board on and shows its primary console, as a serial terminal
 * would. With {@code --run} it logs in, runs each command and exits; without, it reads command
 * lines from standard input until it ends. Time is virtual, so the same input gives the same
 * output every time.
 */
@Command(
    name = "boot",
    mixinStandardHelpOptions = true,
    description = {
        "Power a board on: U-Boot applies the overlays, the root-cell Linux boots to its login.",
        "Prints the primary console. With --run, logs in as root, runs each command, and exits;",
        "otherwise reads commands from standard input (one per line) until it ends.",
        "Exit status: 0, 1 when the board does not reach its login prompt, 2 on bad input."})
public final class BootCommand implements Callable<Integer> {

    static final long SECOND = 1_000_000_000L;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--board", required = true, paramLabel = "BOARD", description = "A board of board-profiles/.")
    String board;

    @Option(names = "--overlay", paramLabel = "DTBO", description = "An overlay for uEnv.txt to list (repeatable).")
    List<String> overlays = new ArrayList<>();

    @Option(names = "--release", paramLabel = "RELEASE", description = "Jailhouse release of the root file system: upstream or ti-v0.10.")
    String release;

    @Option(names = "--run", paramLabel = "COMMAND", description = "A command to run in the root shell (repeatable).")
    List<String> commands = new ArrayList<>();

    @Option(names = "--stamps", description = "Prefix every console line with its virtual time.")
    boolean stamps;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BootRequest request = BootRequest.defaults();
        if (!overlays.isEmpty()) request.overlays(overlays);
        try {
            if (release != null) request.release(JailhouseRelease.parse(release));
        } catch (IllegalArgumentException e) {
            err.println("boot: " + e.getMessage());
            return 2;
        }
        Lab lab;
        try {
            lab = Lab.powerOn(board, request);
        } catch (RuntimeException e) {
            err.println("boot: " + e.getMessage());
            return 2;
        }
        try (lab) {
            Console console = lab.console(ConsoleRole.PRIMARY);
            String host = lab.board().profile().boot().login().hostname();
            int end = lab.waitFor(ConsoleRole.PRIMARY, host + " login: ", 0, 120 * SECOND);
            if (end < 0) {
                print(out, console, 0);
                err.println("boot: the board did not reach its login prompt" + diagnostics(lab));
                return 1;
            }
            List<String> lines = new ArrayList<>(List.of("root"));
            if (commands.isEmpty()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String l = in.readLine(); l != null; l = in.readLine()) lines.add(l);
            } else {
                lines.addAll(commands);
            }
            String prompt = "root@" + host + ":~# ";
            for (String line : lines) {
                int from = console.length();
                console.type(line + "\n");
                lab.waitFor(ConsoleRole.PRIMARY, prompt, from, 10 * SECOND);
            }
            lab.board().runFor(SECOND / 10);
            print(out, console, 0);
            return 0;
        }
    }

    private void print(PrintWriter out, Console console, int from) {
        out.print(stamps ? console.stampedTranscript() : console.text().substring(from));
        out.println();
        out.flush();
    }

    private static String diagnostics(Lab lab) {
        List<String> d = lab.uboot().diagnostics();
        return d.isEmpty() ? "" : ":\n  " + String.join("\n  ", d);
    }
}
