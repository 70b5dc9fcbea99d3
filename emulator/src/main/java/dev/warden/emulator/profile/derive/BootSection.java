package dev.warden.emulator.profile.derive;

import dev.warden.devicetree.model.DeviceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The boot section of a derived profile: the boot media folder and the DTB in it, the U-Boot
 * environment layout that finds that DTB, load addresses in the first RAM bank, and login
 * defaults. The media folder is the nearest folder named {@code boot} above the DTB (the layout of
 * Warden's own boards, {@code firmware-fixtures/NAME/boot/}), else the DTB's own folder.
 */
final class BootSection {

    /** TI's current U-Boot keeps kernel, DTB and overlays this far into the first bank. */
    static final long KERNEL_OFFSET = 0x2000000;
    static final long FDT_OFFSET = 0x8000000;
    static final long OVERLAY_OFFSET = 0x9000000;
    /** Below this first-bank size the compact layout (DTB at the base, as QEMU) is used. */
    static final long COMPACT_BELOW = 0x10000000;

    private final ProfileDraft.Boot partial;
    private final List<ProfileDraft.Todo> todos;

    private BootSection(ProfileDraft.Boot partial, List<ProfileDraft.Todo> todos) {
        this.partial = partial;
        this.todos = todos;
    }

    static BootSection derive(ProfileFromTree.Request request, DeviceTree tree, ProfileDraft.Ram firstBank) {
        List<ProfileDraft.Todo> todos = new ArrayList<>();
        Path dtb = request.dtb().toAbsolutePath().normalize();
        Path root = request.repoRoot().toAbsolutePath().normalize();
        Path media = dtb.getParent();
        for (Path p = dtb.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (p.getFileName().toString().equals("boot")) {
                media = p;
                break;
            }
        }
        String relative = media.relativize(dtb).toString().replace('\\', '/');
        String environment;
        String why;
        String dtbName;
        boolean ti = tree.root().compatibles().stream().anyMatch(c -> c.startsWith("ti,"));
        if (relative.startsWith("dtb/")) {
            dtbName = relative.substring("dtb/".length());
            environment = ti ? "ti-current" : "distro";
            why = "the DTB is under dtb/: " + (ti ? "TI's current layout" : "the distro layout")
                    + " (name_overlays from dtb/, each applied after it loaded)";
        } else {
            dtbName = relative;
            environment = "ti-2019";
            why = "the DTB is not under dtb/, so the layout that loads it from the media's top: TI's 2019 one "
                    + "(overlay_files, paths from the media's top); move it under dtb/ for the current layout";
        }
        String mediaText = media.startsWith(root) ? root.relativize(media).toString().replace('\\', '/') : media.toString();
        if (mediaText.isEmpty()) mediaText = ".";
        long base = firstBank.base();
        boolean compact = firstBank.size() < COMPACT_BELOW;
        long fdt = compact ? base : base + FDT_OFFSET;
        long overlay = compact ? base + 0x200000 : base + OVERLAY_OFFSET;
        long kernel = compact ? base + 0x400000 : base + KERNEL_OFFSET;
        todos.add(new ProfileDraft.Todo("boot.u-boot.version", "the version your U-Boot's banner prints (only shown)"));
        todos.add(new ProfileDraft.Todo("boot.login.distribution", "what your root file system prints above the "
                + "login prompt"));
        ProfileDraft.Boot boot = new ProfileDraft.Boot(mediaText, dtbName, environment, why, ProfileFromTree.UBOOT_VERSION,
                fdt, overlay, kernel, "", "", ProfileFromTree.DISTRIBUTION);
        return new BootSection(boot, todos);
    }

    ProfileDraft.Boot boot(String hostname, String tty) {
        ProfileDraft.Boot p = partial;
        return new ProfileDraft.Boot(p.media(), p.dtb(), p.environment(), p.environmentComment(), p.ubootVersion(),
                p.fdtAddress(), p.overlayAddress(), p.kernelAddress(), hostname, tty, p.distribution());
    }

    List<ProfileDraft.Todo> todos() {
        return todos;
    }
}
