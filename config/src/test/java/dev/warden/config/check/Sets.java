package dev.warden.config.check;

import dev.warden.config.CellConfig;
import dev.warden.config.CellConfigs;
import dev.warden.config.MemoryRegion;
import dev.warden.config.RepoFiles;
import dev.warden.config.SystemConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The board configurations under test, and small edits of them. */
final class Sets {
    private Sets() {
    }

    static SystemConfig system(String board, String file) {
        return (SystemConfig) CellConfigs.read(RepoFiles.cells(board).resolve(file));
    }

    static CellConfig cell(String board, String file) {
        return (CellConfig) CellConfigs.read(RepoFiles.cells(board).resolve(file));
    }

    static SystemConfig qemu() {
        return system("qemu-arm64-virt", "qemu-arm64.cell");
    }

    static CellConfig qemuInmate() {
        return cell("qemu-arm64-virt", "qemu-arm64-inmate-demo.cell");
    }

    static CellConfig qemuLinux() {
        return cell("qemu-arm64-virt", "qemu-arm64-linux-demo.cell");
    }

    static SystemConfig am654() {
        return system("k3-am654-idk", "k3-am654-idk.cell");
    }

    static CellConfig am654Inmate() {
        return cell("k3-am654-idk", "k3-am654-idk-inmate-demo.cell");
    }

    static CellConfig am654Linux() {
        return cell("k3-am654-idk", "k3-am654-idk-linux-demo.cell");
    }

    static SystemConfig j721e() {
        return system("k3-j721e-evm", "k3-j721e-evm.cell");
    }

    static CellConfig j721eInmate() {
        return cell("k3-j721e-evm", "k3-j721e-evm-inmate-demo.cell");
    }

    static CellConfig j721eLinux() {
        return cell("k3-j721e-evm", "k3-j721e-evm-linux-demo.cell");
    }

    static List<Finding> check(SystemConfig s, CellConfig... cells) {
        return ConfigChecker.check(s, List.of(cells), Optional.empty());
    }

    static List<Finding> check(DeviceTreeView dt, SystemConfig s, CellConfig... cells) {
        return ConfigChecker.checkAgainst(s, List.of(cells), Optional.of(dt));
    }

    static List<Finding> rule(String id, List<Finding> findings) {
        return findings.stream().filter(f -> f.ruleId().equals(id)).toList();
    }

    static CellConfig withRegion(CellConfig c, MemoryRegion m) {
        List<MemoryRegion> mem = new ArrayList<>(c.memoryRegions());
        mem.add(m);
        return c.withMemoryRegions(mem);
    }

    static CellConfig replaceRegion(CellConfig c, int index, MemoryRegion m) {
        List<MemoryRegion> mem = new ArrayList<>(c.memoryRegions());
        mem.set(index, m);
        return c.withMemoryRegions(mem);
    }

    static SystemConfig withRoot(SystemConfig s, CellConfig root) {
        return s.withRootCell(root);
    }

    static final long RW_IO = MemoryRegion.READ | MemoryRegion.WRITE | MemoryRegion.IO;
    static final long RWX = MemoryRegion.READ | MemoryRegion.WRITE | MemoryRegion.EXECUTE;
}
