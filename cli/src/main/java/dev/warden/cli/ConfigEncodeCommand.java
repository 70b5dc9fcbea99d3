package dev.warden.cli;

import dev.warden.config.CellConfigs;
import dev.warden.config.ConfigFormatException;
import dev.warden.config.ConfigYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warden config encode X.yaml -o X.cell}: writes the binary in the YAML's format. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Write the .cell binary of a YAML configuration (in the revision its 'format:' names).")
public final class ConfigEncodeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.yaml", description = "The YAML configuration.")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.cell", description = "Where to write.")
    Path output;

    @Override
    public Integer call() {
        try {
            byte[] bytes = CellConfigs.encode(ConfigYaml.read(file));
            Files.write(output, bytes);
            spec.commandLine().getOut().println("wrote " + output + " (" + bytes.length + " bytes)");
            return 0;
        } catch (ConfigFormatException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        } catch (IOException e) {
            spec.commandLine().getErr().println(output + ": cannot write: " + e.getMessage());
            return 2;
        }
    }
}
