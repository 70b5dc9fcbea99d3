package dev.warden.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code warden board}: board profiles. */
@Command(name = "board", mixinStandardHelpOptions = true, description = "Board profiles: derive one from a device tree.",
        subcommands = {BoardInitCommand.class})
public final class BoardCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
