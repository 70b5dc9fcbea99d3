package dev.warden.hypervisor.rootcell.linux;

import dev.warden.devicetree.blob.FdtBlob;
import java.util.Optional;

/** unflatten_device_tree: builds the kernel's node tree from the blob U-Boot handed over. */
final class Unflatten {

    private Unflatten() {}

    static DeviceNode from(FdtBlob blob) {
        DeviceNode root = new DeviceNode("", null);
        fill(blob, 0, root);
        return root;
    }

    private static void fill(FdtBlob blob, int offset, DeviceNode node) {
        for (int p = blob.firstPropertyOffset(offset); p >= 0; p = blob.nextPropertyOffset(p)) {
            node.properties().put(blob.propName(p), blob.propValue(p));
        }
        for (int c = blob.firstSubnode(offset); c >= 0; c = blob.nextSubnode(c)) {
            DeviceNode child = new DeviceNode(blob.nodeName(c), node);
            node.children().add(child);
            fill(blob, c, child);
        }
    }

    /** Resolves a path or an alias (as in /chosen/stdout-path "serial2:115200n8"). */
    static Optional<DeviceNode> resolve(DeviceNode root, String pathOrAlias) {
        String target = pathOrAlias;
        int colon = target.indexOf(':');
        if (colon >= 0) target = target.substring(0, colon);
        if (!target.startsWith("/")) {
            Optional<String> alias = root.child("aliases").flatMap(a -> a.string(pathOrAlias.split(":")[0]));
            if (alias.isEmpty()) return Optional.empty();
            target = alias.get();
        }
        DeviceNode n = root;
        for (String part : target.split("/")) {
            if (part.isEmpty()) continue;
            Optional<DeviceNode> next = n.child(part);
            if (next.isEmpty()) return Optional.empty();
            n = next.get();
        }
        return Optional.of(n);
    }
}
