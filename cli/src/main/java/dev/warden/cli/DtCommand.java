package dev.warden.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code warden dt}: device-tree tools (apply overlays like fdtoverlay, print as DTS). */
@Command(
    name = "dt",
    mixinStandardHelpOptions = true,
    description = "Device-tree tools: apply overlays with libfdt 1.6.1 semantics, print blobs as DTS.",
    subcommands = {
        DtApplyCommand.class,
        DtPrintCommand.class,
    })
public final class DtCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
