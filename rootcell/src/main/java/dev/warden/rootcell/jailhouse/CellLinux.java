package dev.warden.rootcell.jailhouse;

import dev.warden.config.CellConfig;
import dev.warden.config.CellConfigs;
import dev.warden.config.ConfigFormatException;
import dev.warden.config.JailhouseConfig;
import dev.warden.config.MemoryRegion;
import dev.warden.rootcell.linux.RootFs;
import dev.warden.rootcell.linux.Shell;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code jailhouse cell linux [-d DTB] [-i INITRD] [-c CMDLINE] CELLCONFIG KERNEL} for arm64
 * (jailhouse-facts §2.3): checks the Image header, places the tree, kernel and initramfs in the
 * cell's RAM ({@link LinuxPlacement}), writes the RAM, the command line and the initramfs into
 * the inmate's device tree ({@link InmateTree}), creates the cell if needed, loads the loader,
 * the kernel, the tree, the initramfs and the loader's parameters in one go, and starts the cell.
 */
public final class CellLinux {

    static final String LOADER = "/usr/libexec/jailhouse/linux-loader.bin";
    static final String USAGE = "usage: jailhouse cell linux [-h] [-d DTB] [-i INITRD] [-c CMDLINE]\n"
            + "                            [-w PARAMS_FILE] [-a ARCH] [-k FACTOR]\n"
            + "                            CELLCONFIG KERNEL\n";

    private final JailhouseDriver driver;
    private final RootFs fs;

    /** Opens a path typed on the command line: relative ones from the shell's working directory. */
    private final java.util.function.UnaryOperator<String> resolve;

    CellLinux(JailhouseDriver driver, RootFs fs, java.util.function.UnaryOperator<String> resolve) {
        this.driver = driver;
        this.fs = fs;
        this.resolve = resolve;
    }

    int run(List<String> args, Shell.Terminal t) {
        String dtbFile = null;
        String cmdline = null;
        String initrdFile = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-d", "--dtb", "-c", "--cmdline", "-i", "--initrd", "-w", "--write-params", "-a", "--arch",
                     "-k", "--kernel-decomp-factor" -> {
                    if (i + 1 >= args.size()) {
                        t.print(USAGE + "jailhouse cell linux: error: argument " + a + ": expected one argument\n");
                        return 2;
                    }
                    String v = args.get(++i);
                    if (a.startsWith("-d")) dtbFile = v;
                    if (a.startsWith("-c")) cmdline = v;
                    if (a.startsWith("-i")) initrdFile = v;
                }
                default -> positional.add(a);
            }
        }
        if (positional.size() != 2) {
            t.print(USAGE + "jailhouse cell linux: error: the following arguments are required: CELLCONFIG, KERNEL\n");
            return 2;
        }
        if (dtbFile == null) {
            t.print("No device tree specified\n");
            return 1;
        }
        Optional<byte[]> cellBytes = fs.read(resolve.apply(positional.get(0)));
        Optional<byte[]> kernel = fs.read(resolve.apply(positional.get(1)));
        Optional<byte[]> dtb = fs.read(resolve.apply(dtbFile));
        List<String> files = new ArrayList<>(List.of(positional.get(0), positional.get(1), dtbFile));
        if (initrdFile != null) files.add(initrdFile);
        for (String f : files) {
            if (fs.read(resolve.apply(f)).isEmpty()) {
                t.print("[Errno 2] No such file or directory: '" + f + "'\n");
                return 1;
            }
        }
        CellConfig cell;
        try {
            JailhouseConfig config = CellConfigs.decode(cellBytes.get(), positional.get(0));
            if (!(config instanceof CellConfig c)) {
                t.print("Not a cell configuration: " + positional.get(0) + "\n");
                return 1;
            }
            cell = c;
        } catch (ConfigFormatException e) {
            t.print("Not a cell configuration: " + positional.get(0) + "\n");
            return 1;
        }
        byte[] image = kernel.get();
        if (image.length < 64 || ByteBuffer.wrap(image, 0x38, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() != 0x644d5241) {
            t.print("Not an arm64 kernel image: " + positional.get(1) + "\n");
            return 1;
        }
        long loaderAt = cell.cpuResetAddress();
        byte[] initrd = initrdFile == null ? null : fs.read(resolve.apply(initrdFile)).orElseThrow();
        long textOffset = ByteBuffer.wrap(image, 8, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        Optional<LinuxPlacement> placed = LinuxPlacement.of(cell, image.length, textOffset, dtb.get().length,
                initrd == null ? -1 : initrd.length);
        if (placed.isEmpty()) {
            t.print("No space found to load all images\n");
            return 1;
        }
        LinuxPlacement at = placed.get();
        byte[] tree = InmateTree.patch(dtb.get(), dtbFile, LinuxPlacement.ramRegions(cell), cmdline,
                initrd == null ? -1 : at.initrd(), initrd == null ? -1 : at.initrd() + initrd.length);
        byte[] loader = fs.read(LOADER).orElse(new byte[0]);
        if (loader.length == 0) {
            t.print("[Errno 2] No such file or directory: '" + LOADER + "'\n");
            return 1;
        }
        try {
            if (driver.cellNamed(cell.name()).isEmpty()) {
                driver.createCell(cellBytes.get(), positional.get(0));
            }
            CellId id = CellId.byName(cell.name());
            String params = String.format("kernel=0x%x dtb=0x%x", at.kernel(), at.dtb());
            List<JailhouseDriver.Image> images = new ArrayList<>(List.of(
                    new JailhouseDriver.Image(loader, loaderAt),
                    new JailhouseDriver.Image(image, at.kernel()),
                    new JailhouseDriver.Image(tree, at.dtb())));
            if (initrd != null) images.add(new JailhouseDriver.Image(initrd, at.initrd()));
            images.add(new JailhouseDriver.Image((params + "\0").getBytes(StandardCharsets.US_ASCII), loaderAt + 0x1000));
            driver.load(id, images);
            driver.start(id);
            return 0;
        } catch (DriverError e) {
            t.print("[Errno " + e.errno().number() + "] " + e.errno().strerror() + "\n");
            return 1;
        }
    }

    /** The tree as the tool writes it for one RAM region and a command line, without an initramfs. */
    public static byte[] patchTree(byte[] dtb, String name, MemoryRegion ram, String cmdline) {
        return InmateTree.patch(dtb, name, List.of(ram), cmdline, -1, -1);
    }
}
