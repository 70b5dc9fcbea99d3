package dev.warden.rootcell.jailhouse;

import dev.warden.devicetree.blob.FdtBlob;
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
 * (jailhouse-facts §2.3): checks the Image header, picks the cell's RAM, writes the RAM and the
 * command line into the inmate's device tree, creates the cell if needed, loads the loader, the
 * kernel, the tree and the loader's parameters in one go, and starts the cell.
 */
public final class CellLinux {

    static final String LOADER = "/usr/libexec/jailhouse/linux-loader.bin";
    static final long MEM_READ = 0x1, MEM_WRITE = 0x2, MEM_EXECUTE = 0x4, MEM_DMA = 0x8, MEM_IO = 0x10,
            MEM_COMM_REGION = 0x20, MEM_ROOTSHARED = 0x80;
    static final long RAM_MASK = MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_DMA | MEM_IO | MEM_COMM_REGION | MEM_ROOTSHARED;
    static final long RAM_FLAGS = MEM_READ | MEM_WRITE | MEM_EXECUTE | MEM_DMA;
    static final long TWO_MIB = 0x200000;
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
        for (String f : List.of(positional.get(0), positional.get(1), dtbFile)) {
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
        Optional<MemoryRegion> ram = cell.memoryRegions().stream()
                .filter(r -> (r.flags() & RAM_MASK) == RAM_FLAGS)
                .filter(r -> loaderAt < r.virt() || loaderAt >= r.virt() + r.size())
                .filter(r -> r.size() >= align(image.length) + align(dtb.get().length))
                .findFirst();
        if (ram.isEmpty()) {
            t.print("No space found to load all images\n");
            return 1;
        }
        long kernelAddr = ram.get().virt();
        long dtbAddr = kernelAddr + align(image.length);
        byte[] tree = patchTree(dtb.get(), dtbFile, ram.get(), cmdline);
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
            String params = String.format("kernel=0x%x dtb=0x%x", kernelAddr, dtbAddr);
            driver.load(id, List.of(
                    new JailhouseDriver.Image(loader, loaderAt),
                    new JailhouseDriver.Image(image, kernelAddr),
                    new JailhouseDriver.Image(tree, dtbAddr),
                    new JailhouseDriver.Image((params + "\0").getBytes(StandardCharsets.US_ASCII), loaderAt + 0x1000)));
            driver.start(id);
            return 0;
        } catch (DriverError e) {
            t.print("[Errno " + e.errno().number() + "] " + e.errno().strerror() + "\n");
            return 1;
        }
    }

    private static long align(long size) {
        return (size + TWO_MIB - 1) / TWO_MIB * TWO_MIB;
    }

    /** /memory gets the cell's RAM (cell addresses), /chosen/bootargs the command line. */
    public static byte[] patchTree(byte[] dtb, String name, MemoryRegion ram, String cmdline) {
        FdtBlob blob = FdtBlob.loadChecked(dtb, name).openInto(dtb.length + 4096);
        int root = 0;
        int addressCells = cells(blob.getProp(root, "#address-cells"), 2);
        int sizeCells = cells(blob.getProp(root, "#size-cells"), 1);
        int memory = -1;
        for (int n = blob.firstSubnode(root); n >= 0; n = blob.nextSubnode(n)) {
            if (blob.nodeName(n).startsWith("memory")) {
                memory = n;
                break;
            }
        }
        if (memory < 0) memory = blob.addSubnode(root, "memory");
        ByteBuffer reg = ByteBuffer.allocate(4 * (addressCells + sizeCells));
        putCells(reg, ram.virt(), addressCells);
        putCells(reg, ram.size(), sizeCells);
        blob.setProp(memory, "reg", reg.array());
        if (cmdline != null) {
            int chosen = blob.pathOffset("/chosen");
            if (chosen < 0) chosen = blob.addSubnode(root, "chosen");
            blob.setProp(chosen, "bootargs", (cmdline + "\0").getBytes(StandardCharsets.ISO_8859_1));
        }
        blob.pack();
        return blob.bytes();
    }

    private static int cells(byte[] value, int dflt) {
        return value == null || value.length != 4 ? dflt : ByteBuffer.wrap(value).getInt();
    }

    private static void putCells(ByteBuffer b, long value, int cells) {
        for (int i = cells - 1; i >= 0; i--) b.putInt((int) (value >>> (32 * i)));
    }
}
