package dev.warden.cli;

import dev.warden.devicetree.FdtException;
import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.devicetree.print.DtsPrinter;
import dev.warden.devicetree.print.UbootFdtPrinter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code warden dt print FILE.dtb}: the blob as DTS text, as {@code dtc -I dtb -O dts} prints
 * it; with {@code --uboot [--path P]} as U-Boot's {@code fdt print P} shows it.
 */
@Command(
    name = "print",
    mixinStandardHelpOptions = true,
    description = "Print a device-tree blob as DTS text (like dtc -O dts) or as U-Boot's fdt print.")
public final class DtPrintCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.dtb", description = "The blob to print (.dtb or .dtbo).")
    String file;

    @Option(names = "--uboot", description = "Print in U-Boot's \"fdt print\" format instead of DTS.")
    boolean uboot;

    @Option(names = "--path", defaultValue = "/", paramLabel = "PATH",
            description = "With --uboot: the node to print (default: ${DEFAULT-VALUE}).")
    String path;

    @Option(names = "--address", defaultValue = "0x88000000", paramLabel = "ADDR",
            description = "With --uboot: the address the blob is loaded at, shown for long values (default: ${DEFAULT-VALUE}).")
    String address;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            FdtBlob blob = DtFiles.blob(file);
            if (uboot) {
                out.print(UbootFdtPrinter.print(blob, path, Long.decode(address)));
            } else {
                out.print(DtsPrinter.print(blob.toTree()));
            }
            out.flush();
            return 0;
        } catch (DtFiles.UnreadableFile | FdtException e) {
            err.println(e.getMessage());
            return 2; // input the command cannot use, as every warden command
        } catch (NumberFormatException e) {
            err.println("--address " + address + ": expected a number such as 0x88000000");
            return 2; // input the command cannot use, as every warden command
        }
    }
}
