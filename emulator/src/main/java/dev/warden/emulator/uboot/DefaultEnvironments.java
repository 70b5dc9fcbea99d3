package dev.warden.emulator.uboot;

import dev.warden.emulator.profile.BoardProfile;

/**
 * The default environments that the boards' U-Boot builds carry. The scripts follow the layouts
 * in TI's U-Boot trees (shared/specs/dt-k3-facts.md §3.1): the 2019 SDK applies every file in
 * {@code overlay_files} even after a failed load; the current layout loops over
 * {@code name_overlays} and applies a file only when it loaded ({@code &&}).
 */
final class DefaultEnvironments {

    private DefaultEnvironments() {}

    static void install(Environment env, BoardProfile profile) {
        BoardProfile.Boot boot = profile.boot();
        String earlycon = earlycon(profile);
        env.set("bootdelay", "2");
        env.set("boot", "mmc");
        env.set("mmcdev", "1");
        env.set("bootpart", "1:2");
        env.set("bootdir", "/boot");
        env.set("bootenvfile", "uEnv.txt");
        env.set("name_kern", "Image");
        env.set("rd_spec", "-");
        env.set("console", profile.boot().login().tty() + ",115200n8");
        env.set("loadaddr", hex(boot.kernelAddress()));
        env.set("fdtaddr", hex(boot.fdtAddress()));
        env.set("args_mmc", "setenv bootargs console=${console} ${optargs} root=/dev/mmcblk1p2 rw rootfstype=ext4 rootwait");
        env.set("init_mmc", "run args_all args_mmc");
        env.set("args_all", "setenv optargs " + earlycon);
        env.set("envboot", "mmc dev ${mmcdev}; if mmc rescan; then echo SD/MMC found on device ${mmcdev}; "
                + "if run loadbootscript; then run bootscript; else if run loadbootenv; then "
                + "echo Loaded env from ${bootenvfile}; run importbootenv; fi; "
                + "if test -n $uenvcmd; then echo Running uenvcmd ...; run uenvcmd; fi; fi; fi;");
        env.set("loadbootscript", "load mmc ${mmcdev} ${loadaddr} boot.scr");
        env.set("bootscript", "echo Running bootscript from mmc${mmcdev} ...; source ${loadaddr}");
        env.set("loadbootenv", "fatload mmc ${mmcdev} ${loadaddr} ${bootenvfile}");
        env.set("importbootenv", "echo Importing environment from mmc${mmcdev} ...; env import -t ${loadaddr} ${filesize}");
        env.set("get_kern_mmc", "load mmc ${bootpart} ${loadaddr} ${bootdir}/${name_kern}");
        env.set("run_kern", "booti ${loadaddr} ${rd_spec} ${fdtaddr}");
        env.set("bootcmd", "run findfdt; run envboot; run init_${boot}; run get_kern_${boot}; "
                + "run get_fdt_${boot}; run get_overlay_${boot}; run run_kern");
        switch (boot.ubootEnvironment()) {
            case "ti-2019" -> {
                env.set("overlayaddr", hex(boot.overlayAddress()));
                env.set("findfdt", "setenv name_fdt " + boot.baseDtb() + "; setenv fdtfile ${name_fdt}; "
                        + "setenv overlay_files ${name_overlays}");
                env.set("get_fdt_mmc", "load mmc ${bootpart} ${fdtaddr} ${bootdir}/${name_fdt}");
                env.set("get_overlay_mmc", "fdt address ${fdtaddr}; fdt resize 0x100000; "
                        + "for overlay in $overlay_files; do; load mmc ${bootpart} ${overlayaddr} ${bootdir}/${overlay}; "
                        + "fdt apply ${overlayaddr}; done;");
            }
            default -> {
                env.set("dtboaddr", hex(boot.overlayAddress()));
                env.set("findfdt", "setenv name_fdt " + boot.baseDtb() + "; setenv fdtfile ${name_fdt}");
                // current layout: device trees live under /boot/dtb/
                env.set("get_fdt_mmc", "load mmc ${bootpart} ${fdtaddr} ${bootdir}/dtb/${name_fdt}");
                env.set("get_overlay_mmc", "fdt address ${fdtaddr}; fdt resize 0x100000; "
                        + "for overlay in $name_overlays; do; load mmc ${bootpart} ${dtboaddr} ${bootdir}/dtb/${overlay} "
                        + "&& fdt apply ${dtboaddr}; done;");
            }
        }
    }

    private static String earlycon(BoardProfile profile) {
        return profile.device(profile.consoles().primary())
                .map(d -> d.kind().equals("pl011")
                        ? String.format("earlycon=pl011,0x%08x", d.primary().base())
                        : String.format("earlycon=ns16550a,mmio32,0x%08x", d.primary().base()))
                .orElse("");
    }

    private static String hex(long v) {
        return String.format("0x%x", v);
    }
}
