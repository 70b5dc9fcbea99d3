package dev.warden.cli;

import dev.warden.config.CellConfigs;
import dev.warden.config.create.AddressRange;
import dev.warden.config.create.ConfigCreateException;
import dev.warden.config.create.CreateRequest;
import dev.warden.config.create.CreatedConfigs;
import dev.warden.config.create.RootCellFromTree;
import dev.warden.devicetree.board.BoardTree;
import dev.warden.devicetree.board.BoardTreeException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warden config create --dtb BOARD.dtb [--overlay X.dtbo ...] [--hypervisor ADDR,SIZE]
 * [--inmate-memory ADDR,SIZE] [--name NAME] -o NAME.yaml}: a root cell (NAME.yaml and NAME.cell) and
 * an inmate-cell template (NAME-inmate.yaml/.cell) from the board's tree (config: RootCellFromTree).
 * Exit 0, or 2 for input it cannot use (nothing is written then).
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Write a root cell (and an inmate-cell template) from the board's device tree.")
public final class ConfigCreateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dtb", required = true, paramLabel = "BOARD.dtb", description = "The board's device tree.")
    Path dtb;

    @Option(names = "--overlay", paramLabel = "X.dtbo", description = "Overlay applied to --dtb (repeatable, in order).")
    List<Path> overlays = new ArrayList<>();

    @Option(names = "--hypervisor", paramLabel = "ADDR,SIZE",
            description = "The hypervisor's memory (default: the first 4 MiB of the tree's jailhouse reservation).")
    String hypervisor;

    @Option(names = "--inmate-memory", paramLabel = "ADDR,SIZE", description = "The inmate template's RAM.")
    String inmateMemory;

    @Option(names = "--name", paramLabel = "NAME", description = "The root cell's name (default: the output file's name).")
    String name;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "NAME.yaml",
            description = "The root cell's YAML; NAME.cell, NAME-inmate.yaml and NAME-inmate.cell go beside it.")
    Path output;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String file = output.getFileName().toString();
        if (!file.endsWith(".yaml")) {
            err.println("-o " + output + ": expected NAME.yaml (the .cell files are written beside it)");
            return 2;
        }
        String stem = file.substring(0, file.length() - ".yaml".length());
        CreatedConfigs created;
        try {
            Optional<AddressRange> hv = Optional.ofNullable(hypervisor).map(h -> AddressRange.parse(h, "--hypervisor"));
            Optional<AddressRange> inmate = Optional.ofNullable(inmateMemory).map(i -> AddressRange.parse(i, "--inmate-memory"));
            BoardTree tree = BoardTree.load(dtb, overlays);
            created = RootCellFromTree.create(new CreateRequest(tree, name != null ? name : stem, hv, inmate));
        } catch (BoardTreeException | ConfigCreateException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        Path dir = output.toAbsolutePath().getParent();
        Path rootCell = dir.resolve(stem + ".cell");
        OutputFiles files = new OutputFiles()
                .add(output, created.rootYaml().getBytes(StandardCharsets.UTF_8))
                .add(rootCell, CellConfigs.encode(created.root()));
        if (created.inmate().isPresent()) {
            files.add(dir.resolve(stem + "-inmate.yaml"), created.inmateYaml().orElseThrow().getBytes(StandardCharsets.UTF_8));
            files.add(dir.resolve(stem + "-inmate.cell"), CellConfigs.encode(created.inmate().get()));
        }
        try {
            files.write(force);
        } catch (OutputFiles.OutputException e) {
            err.println(e.getMessage());
            return 2;
        }
        for (Path p : files.targets()) out.println("wrote " + p);
        created.notes().forEach(n -> out.println("note: " + n));
        out.flush();
        return 0;
    }
}
