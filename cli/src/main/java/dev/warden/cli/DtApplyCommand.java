package dev.warden.cli;

import dev.warden.devicetree.FdtException;
import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.devicetree.overlay.Overlays;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code warden dt apply BASE.dtb OVERLAY.dtbo... -o OUT.dtb}: what
 * {@code fdtoverlay -i BASE -o OUT OVERLAY...} does, with the same output bytes and the same
 * "Failed to apply" line (plus what was wrong) when an overlay does not apply.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = "Apply device-tree overlays to a base blob, like fdtoverlay (libfdt 1.6.1).")
public final class DtApplyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE.dtb", description = "The base device tree.")
    String base;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "OVERLAY.dtbo", description = "Overlays, applied in order.")
    List<String> overlays = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.dtb", description = "Where to write the merged blob.")
    String output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        FdtBlob baseBlob;
        List<FdtBlob> overlayBlobs = new ArrayList<>();
        try {
            baseBlob = DtFiles.blob(base);
            for (String o : overlays) {
                overlayBlobs.add(DtFiles.blob(o));
            }
        } catch (DtFiles.UnreadableFile | FdtException e) {
            err.println(e.getMessage());
            return 2; // input the command cannot use, as every warden command
        }
        byte[] merged;
        try {
            merged = Overlays.fdtoverlay(baseBlob, overlayBlobs);
        } catch (FdtException e) {
            err.println(Overlays.fdtoverlayFailureLine(e));
            err.println("  " + e.getMessage());
            return 2; // input the command cannot use, as every warden command
        }
        try {
            Files.write(Path.of(output), merged);
        } catch (IOException e) {
            err.println(output + ": cannot write (" + e.getMessage() + ")");
            return 2; // input the command cannot use, as every warden command
        }
        return 0;
    }
}
