package dev.warden.cli;

import dev.warden.config.check.CheckReport;
import dev.warden.config.check.CheckRun;
import dev.warden.config.check.JailhouseCheckText;
import dev.warden.config.check.ReportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code warden check SYSTEM.cell [CELL.cell ...] [--dtb BOARD.dtb [--overlay X.dtbo ...]]}:
 * every check of {@code jailhouse config check} plus Warden's rules. Exit code 0 clean, 1 with
 * findings at error severity, 2 when an input cannot be used.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a system configuration and cell configurations (and the board DT) before anything boots.")
public final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SYSTEM.cell", description = "The root cell's system configuration.")
    Path system;

    @Parameters(index = "1..*", paramLabel = "CELL.cell", description = "Non-root cell configurations.")
    List<Path> cells = new ArrayList<>();

    @Option(names = "--dtb", paramLabel = "BOARD.dtb", description = "The board's device tree, for the DT rules.")
    Path dtb;

    @Option(names = "--overlay", paramLabel = "X.dtbo", description = "Overlay applied to --dtb (repeatable, in order).")
    List<Path> overlays = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json, sarif, or jailhouse (the output and exit code of `jailhouse config check`; "
                    + "default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        boolean jailhouse = format.equals("jailhouse");
        ReportFormat out = ReportFormat.TEXT;
        try {
            if (!jailhouse) {
                out = ReportFormat.parse(format);
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("--format " + format + ": expected text, json, sarif or jailhouse");
            return 2;
        }
        CheckRun.Outcome outcome = CheckRun.run(system, cells, Optional.ofNullable(dtb), overlays);
        if (outcome.report().isEmpty()) {
            if (jailhouse && outcome.failure().isPresent()) {
                return jailhouseParseError(outcome);
            }
            spec.commandLine().getErr().println(outcome.inputError());
            return 2;
        }
        if (jailhouse) {
            JailhouseCheckText.Result r = JailhouseCheckText.render(outcome.system().get(), outcome.cells(),
                    outcome.report().get().files());
            spec.commandLine().getOut().print(r.text());
            spec.commandLine().getOut().flush();
            return r.exitCode();
        }
        spec.commandLine().getOut().print(out.render(outcome.report().get()));
        spec.commandLine().getOut().flush();
        return outcome.exitCode();
    }

    /** As `jailhouse config check` answers a file it cannot parse: the lines so far, the reason, exit 1. */
    private int jailhouseParseError(CheckRun.Outcome outcome) {
        List<CheckReport.CheckedFile> read = new ArrayList<>();
        outcome.system().ifPresent(s -> read.add(new CheckReport.CheckedFile(s.name(), system.toString(), true)));
        for (int i = 0; i < outcome.cells().size(); i++) {
            read.add(new CheckReport.CheckedFile(outcome.cells().get(i).name(), cells.get(i).toString(), false));
        }
        CheckRun.Failure failure = outcome.failure().get();
        JailhouseCheckText.Result r = JailhouseCheckText.parseError(read);
        spec.commandLine().getOut().print(r.text());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println(JailhouseCheckText.parseErrorLine(failure));
        return r.exitCode();
    }
}
