package dev.warden.cli;

import dev.warden.config.CellConfigs;
import dev.warden.config.ConfigConverter;
import dev.warden.config.ConfigFormat;
import dev.warden.config.ConfigFormatException;
import dev.warden.config.JailhouseConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code warden config convert X.cell --to 14 -o Y.cell}: rewrites a configuration in another
 * revision's layout and names, on stderr, every value the target cannot carry.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a .cell file to another revision (10, 12, ti-12, 14); values the target cannot hold "
                + "are named on stderr.")
public final class ConfigConvertCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.cell", description = "The binary configuration to convert.")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "REVISION", description = "10, 12, ti-12 or 14.")
    String to;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.cell", description = "Where to write.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ConfigFormat target;
        try {
            target = ConfigFormat.parse(to);
        } catch (IllegalArgumentException e) {
            err.println("--to: " + e.getMessage());
            return 2;
        }
        try {
            JailhouseConfig config = CellConfigs.read(file);
            ConfigConverter.Conversion c = ConfigConverter.convert(config, target);
            byte[] bytes = CellConfigs.encode(c.config(), target);
            Files.write(output, bytes);
            for (String dropped : c.dropped()) {
                err.println("not carried: " + dropped);
            }
            spec.commandLine().getOut().println("wrote " + output + " (revision " + target.label() + ", "
                    + bytes.length + " bytes, " + c.dropped().size() + " value(s) not carried)");
            return 0;
        } catch (ConfigFormatException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println(output + ": cannot write: " + e.getMessage());
            return 2;
        }
    }
}
