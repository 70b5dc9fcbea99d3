package dev.warden.devicetree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.model.Node;
import dev.warden.devicetree.model.Property;
import dev.warden.devicetree.model.RandomTrees;
import dev.warden.devicetree.overlay.Overlays;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Random trees and overlays through Warden and through the live tools (only with
 * {@code -Dwarden.oracles=true}, i.e. mvn -Poracles): fdtoverlay's merged blob and
 * dtc's DTS text must match Warden's byte for byte.
 */
@AddLifecycleHook(OnlyWithOracles.class)
class OraclePropertyTest {

    @net.jqwik.api.Property(tries = 40)
    void randomTreesPrintLikeDtc(@ForAll("trees") DeviceTree tree) throws Exception {
        Path dtb = Files.createTempFile("warden-random", ".dtb");
        try {
            Files.write(dtb, tree.toDtb());
            assertThat(tree.toDts()).isEqualTo(run("dtc", "-q", "-I", "dtb", "-O", "dts", dtb.toString()));
        } finally {
            Files.deleteIfExists(dtb);
        }
    }

    @net.jqwik.api.Property(tries = 40)
    void randomOverlaysMergeLikeFdtoverlay(@ForAll("trees") DeviceTree base, @ForAll("overlayBodies") Node body)
            throws Exception {
        // target the root or one of the base's nodes, by path
        List<Node> nodes = base.nodes();
        Node target = nodes.get(Math.floorMod(body.properties().size() * 7 + body.children().size(), nodes.size()));
        Node fragment = new Node("fragment@0", List.of(Property.ofString("target-path", target.path())),
                List.of(detached(body)));
        DeviceTree overlay = new DeviceTree(new Node("", List.of(), List.of(fragment)));

        Path dir = Files.createTempDirectory("warden-oracle");
        try {
            Path b = dir.resolve("base.dtb");
            Path o = dir.resolve("overlay.dtbo");
            Path out = dir.resolve("out.dtb");
            Files.write(b, base.toDtb());
            Files.write(o, overlay.toDtb());
            run("fdtoverlay", "-i", b.toString(), "-o", out.toString(), o.toString());
            byte[] ours = Overlays.fdtoverlay(FdtBlob.load(base.toDtb(), "base.dtb"),
                    List.of(FdtBlob.load(overlay.toDtb(), "overlay.dtbo")));
            assertThat(ours).isEqualTo(Files.readAllBytes(out));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /** A parentless copy: jqwik hands the same sample to several tries while shrinking. */
    private static Node detached(Node n) {
        return new Node(n.name(), n.properties(), n.children().stream().map(OraclePropertyTest::detached).toList());
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed");
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    @Provide
    Arbitrary<DeviceTree> trees() {
        return RandomTrees.trees(2);
    }

    @Provide
    Arbitrary<Node> overlayBodies() {
        return RandomTrees.node("__overlay__", 2);
    }
}
