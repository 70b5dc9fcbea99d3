package dev.warden.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code warden config}: Jailhouse configurations between .cell binaries, YAML and revisions. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Jailhouse configurations: decode .cell to YAML, encode YAML to .cell, convert between revisions, create a root cell from a device tree.",
    subcommands = {
        ConfigDecodeCommand.class,
        ConfigEncodeCommand.class,
        ConfigConvertCommand.class,
        ConfigCreateCommand.class,
    })
public final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
