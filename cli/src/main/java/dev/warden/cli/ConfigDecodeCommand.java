package dev.warden.cli;

import dev.warden.config.CellConfigs;
import dev.warden.config.ConfigFormatException;
import dev.warden.config.ConfigYaml;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code warden config decode X.cell}: prints the configuration as YAML (any known revision). */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Print a .cell file (revision 10, 12, TI's 12 or 14) as YAML.")
public final class ConfigDecodeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.cell", description = "The binary configuration to decode.")
    Path file;

    @Override
    public Integer call() {
        try {
            spec.commandLine().getOut().print(ConfigYaml.write(CellConfigs.read(file)));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ConfigFormatException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
    }
}
