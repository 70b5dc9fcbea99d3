package dev.warden.cli;

import dev.warden.devicetree.board.BoardTree;
import dev.warden.devicetree.board.BoardTreeException;
import dev.warden.emulator.board.ProfileTreeCheck;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.profile.BoardProfiles;
import dev.warden.emulator.profile.derive.DerivedProfile;
import dev.warden.emulator.profile.derive.ModelKernelImage;
import dev.warden.emulator.profile.derive.ProfileFromTree;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warden board init --dtb BOARD.dtb [--overlay X.dtbo ...] [--name NAME] -o board-profiles/NAME.yaml}:
 * derives the board profile from its device tree (emulator: ProfileFromTree) and writes it, with
 * Warden's model kernel Image on the boot media when it has none. Exit 0, or 2 for input it
 * cannot use (nothing is written then).
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Derive a board profile from the board's device tree (overlays applied first, as fdtoverlay does).")
public final class BoardInitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dtb", required = true, paramLabel = "BOARD.dtb", description = "The board's device tree.")
    Path dtb;

    @Option(names = "--overlay", paramLabel = "X.dtbo", description = "Overlay applied to --dtb (repeatable, in order).")
    List<Path> overlays = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "The board's name (default: the output file's name).")
    String name;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "board-profiles/NAME.yaml",
            description = "Where to write the profile; its folder's parent is where the boot media path starts.")
    Path output;

    @Option(names = "--force", description = "Overwrite an existing profile.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String file = output.getFileName().toString();
        if (!file.endsWith(".yaml")) {
            err.println("-o " + output + ": expected a NAME.yaml file in a board-profiles folder");
            return 2;
        }
        String board = name != null ? name : file.substring(0, file.length() - ".yaml".length());
        Path profileDir = output.toAbsolutePath().getParent();
        Path repoRoot = profileDir.getParent() == null ? profileDir : profileDir.getParent();
        DerivedProfile derived;
        BoardProfile profile;
        BoardTree tree;
        try {
            tree = BoardTree.load(dtb, overlays);
            derived = ProfileFromTree.derive(new ProfileFromTree.Request(tree, board, dtb, repoRoot));
        } catch (BoardTreeException e) {
            err.println(e.getMessage());
            return 2;
        }
        profile = BoardProfiles.parse(derived.yaml(), output.toString(), profileDir);
        List<String> disagree = ProfileTreeCheck.differences(profile, tree.base(), dtb.getFileName().toString());
        if (!disagree.isEmpty()) {
            // the derivation's own contract; a failure here is Warden's bug, said plainly
            err.println("warden: the derived profile disagrees with " + dtb + ": " + String.join("; ", disagree));
            return 1;
        }
        OutputFiles files = new OutputFiles().add(output, derived.yaml().getBytes(StandardCharsets.UTF_8));
        Path image = profile.boot().media().resolve("Image");
        boolean writeImage = !Files.exists(image);
        if (writeImage) files.add(image, ModelKernelImage.forBoard(board));
        try {
            files.write(force);
        } catch (OutputFiles.OutputException e) {
            err.println(e.getMessage());
            return 2;
        }
        out.println("wrote " + output + " (board " + board + ": " + profile.cpus().size() + " CPUs, " + profile.ram().size()
                + " RAM bank(s), " + profile.devices().size() + " devices; boot media " + profile.boot().media() + ")");
        if (writeImage) out.println("wrote " + image + " (Warden's model kernel: the boot media had no Image)");
        derived.notes().forEach(n -> out.println("note: " + n));
        derived.todos().forEach(t -> out.println("TODO " + t));
        out.flush();
        return 0;
    }
}
