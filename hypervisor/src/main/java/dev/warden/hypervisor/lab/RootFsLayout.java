package dev.warden.hypervisor.lab;

import dev.warden.emulator.profile.BoardProfile;
import dev.warden.hypervisor.core.Personality;
import dev.warden.hypervisor.rootcell.linux.RootFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the board's root file system carries from the project and the built-in boards: the cell
 * configurations, the inmates, the hypervisor firmware, the loaders and demo scripts, at the paths
 * of Warden's images ({@code /usr/share/jailhouse/...}) and of Siemens' jailhouse-images
 * ({@code /etc/jailhouse}, {@code /usr/libexec/jailhouse/demos}), so commands written for either work.
 */
final class RootFsLayout {

    private RootFsLayout() {}

    static void install(WardenProject project, BoardProfile profile, Personality personality, RootFs fs) {
        String board = profile.name();
        List<Path> cells = project.cellFolders(board);
        if (personality.tiFork()) {
            // TI's root file system carries its fork's configurations (TI's layout of revision 12)
            List<Path> ti = cells.stream().map(c -> c.resolve("ti2019")).filter(Files::isDirectory).toList();
            if (!ti.isEmpty()) cells = ti;
        }
        List<Path> inmates = project.inmateFolders(board);
        WardenProject.requireDistinctNames("cell configuration", cells);
        WardenProject.requireDistinctNames("inmate", inmates);
        Path linux = project.builtins().linux();
        fs.mount("/usr/share/jailhouse/cells", cells);
        fs.mount("/etc/jailhouse", cells);
        fs.mount("/usr/share/jailhouse/inmates", inmates);
        fs.mount("/usr/libexec/jailhouse/demos", inmates);
        fs.mount("/lib/firmware", linux.resolve("firmware"));
        fs.mount("/usr/libexec/jailhouse", linux.resolve("libexec"));
        Path demo = linux.resolve("demo").resolve(board + ".sh");
        if (Files.isRegularFile(demo)) fs.mount("/usr/share/jailhouse/linux-demo.sh", demo);
        // the board's configuration sources and builds, as a user copies them over to try them
        fs.mount("/home/root/configs", cells);
    }
}
