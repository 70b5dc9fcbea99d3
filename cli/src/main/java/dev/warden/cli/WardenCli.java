package dev.warden.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code warden} command. Each subcommand lives in its own class in this package and is
 * registered in {@code subcommands} below; it calls the same domain API the scenarios use.
 */
@Command(
    name = "warden",
    mixinStandardHelpOptions = true,
    versionProvider = WardenVersion.class,
    description = "Test harness for the Jailhouse partitioning hypervisor on emulated boards.",
    subcommands = {
        CommandLine.HelpCommand.class,
        DtCommand.class,
        ConfigCommand.class,
        CheckCommand.class,
        RunImageCommand.class,
        BootCommand.class,
        RunCommand.class,
        BoardCommand.class,
    })
public final class WardenCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns the exit code, without exiting (tests call this). */
    public static int execute(String... args) {
        return new CommandLine(new WardenCli()).execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
