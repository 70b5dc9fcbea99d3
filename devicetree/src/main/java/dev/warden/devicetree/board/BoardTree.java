package dev.warden.devicetree.board;

import dev.warden.devicetree.FdtException;
import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.overlay.Overlays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A board's device tree as the tools that derive things from it read one: the base blob and the
 * tree after the overlays (applied in order, as fdtoverlay does). Both are kept so that a node an
 * overlay switched off (handed to Jailhouse or an inmate) can be told from one that was never on.
 */
public record BoardTree(DeviceTree base, DeviceTree merged, Path dtb, List<Path> overlays) {

    public BoardTree {
        overlays = List.copyOf(overlays);
    }

    /** A tree without overlays (base and merged are the same). */
    public static BoardTree of(DeviceTree tree, Path dtb) {
        return new BoardTree(tree, tree, dtb, List.of());
    }

    /**
     * Reads {@code dtb} and applies {@code overlays}. Anything unusable is a {@link BoardTreeException}
     * naming the file and what was expected.
     */
    public static BoardTree load(Path dtb, List<Path> overlays) {
        FdtBlob base = blob(dtb);
        List<FdtBlob> blobs = new ArrayList<>();
        for (Path o : overlays) blobs.add(blob(o));
        DeviceTree baseTree = read(base.bytes(), dtb);
        DeviceTree merged = baseTree;
        if (!blobs.isEmpty()) {
            try {
                merged = DeviceTree.read(Overlays.fdtoverlay(base, blobs), name(dtb));
            } catch (FdtException e) {
                throw new BoardTreeException(e.getMessage() + "; the overlay does not apply to " + name(dtb)
                        + " (as fdtoverlay would fail)");
            }
        }
        BoardTree tree = new BoardTree(baseTree, merged, dtb, overlays);
        tree.requireCpusAndMemory();
        return tree;
    }

    /** A name for messages: the DTB and its overlays ("board.dtb + x.dtbo"). */
    public String describe() {
        StringBuilder sb = new StringBuilder(name(dtb));
        for (Path o : overlays) sb.append(" + ").append(name(o));
        return sb.toString();
    }

    /** Whether {@code n} (a node of {@link #merged}) is enabled, its parents included. */
    public static boolean enabledWithParents(Node n) {
        for (Node p = n; p != null; p = p.parent().orElse(null)) {
            if (!p.isEnabled()) return false;
        }
        return true;
    }

    /** The base tree's node at the same path as {@code mergedNode}, if the base has it. */
    public Optional<Node> inBase(Node mergedNode) {
        return mergedNode.isRoot() ? Optional.of(base.root()) : base.root().find(mergedNode.path());
    }

    /** Enabled in the base tree, switched off by an overlay: the node was taken away from Linux. */
    public boolean takenByOverlay(Node mergedNode) {
        return !enabledWithParents(mergedNode) && inBase(mergedNode).map(BoardTree::enabledWithParents).orElse(false);
    }

    private void requireCpusAndMemory() {
        Optional<Node> cpus = merged.node("/cpus");
        if (cpus.isEmpty() || cpus.get().children().stream().noneMatch(c -> c.baseName().equals("cpu"))) {
            throw new BoardTreeException(describe() + ": no /cpus node with cpu@N children (expected the CPUs, "
                    + "each with reg = its MPIDR affinity)");
        }
        boolean memory = merged.root().children().stream()
                .anyMatch(c -> c.baseName().equals("memory") && !c.reg().isEmpty());
        if (!memory) {
            throw new BoardTreeException(describe() + ": no /memory node with a reg (expected the RAM banks, e.g. "
                    + "memory@80000000 { device_type = \"memory\"; reg = <...>; })");
        }
    }

    private static FdtBlob blob(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BoardTreeException(file + ": no such file (expected a device-tree blob)");
        } catch (IOException e) {
            throw new BoardTreeException(file + ": cannot read (" + e.getMessage() + ")");
        }
        try {
            return FdtBlob.loadChecked(bytes, file.toString());
        } catch (FdtException e) {
            throw new BoardTreeException(e.getMessage() + "; expected a flattened device tree (.dtb/.dtbo, as dtc writes it)");
        }
    }

    private static DeviceTree read(byte[] bytes, Path file) {
        try {
            return DeviceTree.read(bytes, file.toString());
        } catch (FdtException e) {
            throw new BoardTreeException(e.getMessage());
        }
    }

    private static String name(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }
}
