package dev.warden.rootcell.linux;

import dev.warden.emulator.board.Board;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The root cell's files: the kernel's virtual files computed when read (/proc/device-tree from the
 * live device tree, /proc/cpuinfo, /proc/iomem, /proc/cmdline, /proc/mounts), /etc/hostname,
 * files other programs publish with {@link #put} (the jailhouse driver's sysfs), folders of
 * the host mounted read-only with {@link #mount} (cell configurations, inmates, firmware), and on
 * top of them all the files users write ({@link WritableLayer}). Writing follows Linux: a
 * read-only mount refuses with EROFS, sysfs with EACCES, a /proc file opens but its write fails
 * with EIO, /dev/null swallows everything.
 */
public final class RootFs {

    private final LinuxModel kernel;
    private final Board board;
    private final TreeMap<String, java.util.function.Supplier<Optional<byte[]>>> extra = new TreeMap<>();

    /** What users wrote; it starts with the folders a fresh root file system has to write into. */
    private final WritableLayer layer;

    RootFs(LinuxModel kernel, Board board) {
        this.kernel = kernel;
        this.board = board;
        this.layer = new WritableLayer(() -> board.clock().now());
        for (String dir : WRITABLE_DIRS) layer.mkdir(dir);
    }

    /** Folders that exist empty on every root file system, so that users can write files into them. */
    static final List<String> WRITABLE_DIRS = List.of("/tmp", "/root", "/home", "/home/root");

    /** Folders the kernel always has, even empty (no PCI device probed yet). */
    static final List<String> KERNEL_DIRS = List.of("/sys/bus/pci/devices", "/sys/devices/system/cpu", "/sys/kernel",
            "/proc", "/dev");

    static final String DEV_NULL = "/dev/null";
    static final String CPU_ONLINE = "/sys/devices/system/cpu/online";

    /** Host folders shown under a path; several at one path form a union, the first holding a name wins. */
    private final TreeMap<String, List<java.nio.file.Path>> hostMounts = new TreeMap<>();

    /** What a Linux inmate booted with a ramfs root has mounted (the seed's `mount`). */
    static final String RAMFS_MOUNTS = """
            rootfs / rootfs rw,size=230400k,nr_inodes=3600 0 0
            proc /proc proc rw,relatime 0 0
            sysfs /sys sysfs rw,relatime 0 0
            debugfs /sys/kernel/debug debugfs rw,relatime 0 0
            configfs /sys/kernel/config configfs rw,relatime 0 0
            devtmpfs /dev devtmpfs rw,relatime,size=230400k,nr_inodes=3600,mode=755 0 0
            tmpfs /run tmpfs rw,nosuid,nodev,mode=755 0 0
            tmpfs /var/volatile tmpfs rw,relatime,size=51200k 0 0
            devpts /dev/pts devpts rw,relatime,gid=5,mode=620,ptmxmode=000 0 0
            """;

    private String mounts = """
            /dev/root / ext4 rw,relatime 0 0
            devtmpfs /dev devtmpfs rw,relatime,mode=755 0 0
            proc /proc proc rw,relatime 0 0
            sysfs /sys sysfs rw,relatime 0 0
            tmpfs /run tmpfs rw,nosuid,nodev,mode=755 0 0
            """;

    void mountsText(String text) {
        this.mounts = text;
    }

    /** Makes the files of a host folder appear under {@code dir} (read-only). */
    public void mount(String dir, java.nio.file.Path hostFolder) {
        mount(dir, List.of(hostFolder));
    }

    /** Makes the files of several host folders appear together under {@code dir} (read-only). */
    public void mount(String dir, List<java.nio.file.Path> hostFolders) {
        if (!hostFolders.isEmpty()) hostMounts.put(normalize(dir), List.copyOf(hostFolders));
    }

    private final java.util.Set<String> hidden = new java.util.HashSet<>();

    /** Makes a file or folder disappear, as if deleted from the root file system. */
    public void hide(String path) {
        hidden.add(normalize(path));
    }

    private boolean isHidden(String p) {
        for (String h : hidden) if (p.equals(h) || p.startsWith(h + "/")) return true;
        return false;
    }


    /** Removes a published file, or every published file under a folder. */
    public void remove(String path) {
        String p = normalize(path);
        extra.keySet().removeIf(k -> k.equals(p) || k.startsWith(p + "/"));
    }

    public void put(String path, java.util.function.Supplier<String> content) {
        extra.put(path, () -> Optional.of(content.get().getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** A file whose contents are computed once, when first read. */
    public void putLazy(String path, java.util.function.Supplier<Optional<byte[]>> content) {
        Optional<byte[]>[] cache = new Optional[1];
        extra.put(normalize(path), () -> {
            if (cache[0] == null) cache[0] = content.get();
            return cache[0];
        });
    }

    /** A file with fixed contents, as if copied onto the board (a probe's parameter block). */
    public void putBytes(String path, byte[] content) {
        byte[] copy = content.clone();
        extra.put(normalize(path), () -> Optional.of(copy));
    }

    /** A file that exists only while {@code content} gives a value (a cell's sysfs folder). */
    public void putIf(String path, java.util.function.Supplier<Optional<String>> content) {
        extra.put(path, () -> content.get().map(t -> t.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** The file's bytes, or empty if there is no such file. */
    public Optional<byte[]> read(String path) {
        String p = normalize(path);
        if (layer.entry(p).isPresent()) return layer.read(p);
        if (isHidden(p)) return Optional.empty();
        if (p.equals(DEV_NULL)) return Optional.of(new byte[0]);
        if (p.equals(CPU_ONLINE)) return Optional.of(text(cpuList(kernel.onlineCpus()) + "\n"));
        if (extra.containsKey(p)) return extra.get(p).get();
        Optional<java.nio.file.Path> host = hostFile(p);
        if (host.isPresent() && java.nio.file.Files.isRegularFile(host.get())) {
            try {
                return Optional.of(java.nio.file.Files.readAllBytes(host.get()));
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        if (p.startsWith("/proc/device-tree")) {
            String rel = p.substring("/proc/device-tree".length());
            int slash = rel.lastIndexOf('/');
            String nodePath = slash <= 0 ? "/" : rel.substring(0, slash);
            String prop = rel.substring(slash + 1);
            return kernel.deviceTree().flatMap(t -> t.node(nodePath))
                    .flatMap(n -> n.property(prop).map(dev.warden.devicetree.model.Property::value));
        }
        return switch (p) {
            case "/proc/cpuinfo" -> Optional.of(text(cpuinfo()));
            case "/proc/iomem" -> Optional.of(text(iomem()));
            case "/proc/cmdline" -> Optional.of(text(kernel.deviceTree().flatMap(t -> t.node("/chosen"))
                    .flatMap(c -> c.string("bootargs")).orElse("") + "\n"));
            case "/proc/mounts" -> Optional.of(text(mounts()));
            case "/etc/hostname" -> Optional.of(text(kernel.login().hostname() + "\n"));
            default -> Optional.empty();
        };
    }

    /** Directory entries, or empty if {@code path} is not a directory. */
    public Optional<List<String>> list(String path) {
        String p = normalize(path);
        if (layer.isFile(p) || (isHidden(p) && !layer.isDirectory(p))) return Optional.empty();
        if (p.startsWith("/proc/device-tree")) {
            String rel = p.substring("/proc/device-tree".length());
            return kernel.deviceTree().flatMap(t -> t.node(rel.isEmpty() ? "/" : rel)).map(n -> {
                List<String> out = new ArrayList<>();
                n.properties().forEach(prop -> out.add(prop.name()));
                n.children().forEach(c -> out.add(c.name()));
                out.sort(null);
                return out;
            });
        }
        List<String> children = new ArrayList<>();
        for (java.nio.file.Path host : hostFiles(p)) {
            if (!java.nio.file.Files.isDirectory(host)) continue;
            try (var s = java.nio.file.Files.list(host)) {
                s.map(f -> f.getFileName().toString()).filter(n -> !children.contains(n)).forEach(children::add);
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        String prefix = p.endsWith("/") ? p : p + "/";
        for (String m : KERNEL_DIRS) {
            if (m.startsWith(prefix)) {
                String rest = m.substring(prefix.length());
                String entry = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
                if (!children.contains(entry)) children.add(entry);
            }
        }
        for (String m : hostMounts.keySet()) {
            if (m.startsWith(prefix)) {
                String rest = m.substring(prefix.length());
                String entry = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
                if (!children.contains(entry)) children.add(entry);
            }
        }
        for (String f : extra.keySet()) {
            if (f.startsWith(prefix) && extra.get(f).get().isPresent()) {
                String rest = f.substring(prefix.length());
                String entry = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
                if (!children.contains(entry)) children.add(entry);
            }
        }
        if (p.equals("/proc")) children.addAll(List.of("cmdline", "cpuinfo", "device-tree", "iomem", "mounts"));
        if (p.equals("/sys/bus/pci/devices") && kernel.pciHosts() != null) {
            for (String d : kernel.pciHosts().devices()) if (!children.contains(d)) children.add(d);
        }
        if (p.equals("/")) {
            for (String d : List.of("bin", "boot", "dev", "etc", "home", "lib", "proc", "root", "sys", "tmp", "usr", "var")) {
                if (!children.contains(d)) children.add(d);
            }
        }
        if (p.equals("/dev") && !children.contains("null")) children.add("null");
        if (p.equals("/sys/devices/system/cpu") && !children.contains("online")) children.add("online");
        for (String name : layer.children(p)) if (!children.contains(name)) children.add(name);
        children.removeIf(name -> isHidden(prefix + name) && layer.entry(prefix + name).isEmpty());
        children.sort(null);
        if (children.isEmpty() && !layer.isDirectory(p) && !KERNEL_DIRS.contains(p) && !isPciDevice(p)) return Optional.empty();
        return Optional.of(children);
    }

    /** A function the kernel found on a PCI bus: a folder of /sys/bus/pci/devices (its files are not modeled). */
    private boolean isPciDevice(String p) {
        return parentOf(p).equals("/sys/bus/pci/devices") && kernel.pciHosts() != null
                && kernel.pciHosts().devices().contains(p.substring(p.lastIndexOf('/') + 1));
    }

    /** Whether {@code path} names a folder. */
    public boolean isDirectory(String path) {
        return list(path).isPresent();
    }

    /** What {@code stat()} tells about a file or folder, for {@code ls -l}. */
    public record FileStat(boolean directory, String mode, int links, long size, long modifiedNanos) {}

    /**
     * The file's or folder's attributes. Files nobody wrote date from the board's power-on (its
     * clock starts at the epoch); sysfs attributes report a page as their size and /proc files
     * nothing, as Linux does.
     */
    public Optional<FileStat> stat(String path) {
        String p = normalize(path);
        Optional<WritableLayer.Entry> own = layer.entry(p);
        if (own.isPresent()) {
            WritableLayer.Entry e = own.get();
            return Optional.of(e.isDirectory() ? new FileStat(true, "drwxr-xr-x", 2, 0, e.modified())
                    : new FileStat(false, e.executable() ? "-rwxr-xr-x" : "-rw-r--r--", 1, e.content().length, e.modified()));
        }
        Optional<byte[]> content = read(p);
        if (content.isPresent()) {
            if (p.equals(DEV_NULL)) return Optional.of(new FileStat(false, "crw-rw-rw-", 1, 0, 0));
            if (p.startsWith("/proc/")) return Optional.of(new FileStat(false, "-r--r--r--", 1, 0, 0));
            if (p.startsWith("/sys/")) return Optional.of(new FileStat(false, "-r--r--r--", 1, 4096, 0));
            // the image's scripts are executable; a fixture checked out without the bit still starts with #!
            boolean executable = hostFile(p).map(java.nio.file.Files::isExecutable).orElse(false)
                    || (content.get().length > 2 && content.get()[0] == '#' && content.get()[1] == '!');
            return Optional.of(new FileStat(false, executable ? "-rwxr-xr-x" : "-rw-r--r--", 1, content.get().length, 0));
        }
        return list(p).map(entries -> new FileStat(true, "drwxr-xr-x", 2, 0, 0));
    }

    /**
     * Replaces the file's contents (open with O_CREAT|O_TRUNC, then write), creating it in the
     * writable layer.
     *
     * @return the error open() or write() would report, empty when the bytes were written
     */
    public Optional<FileError> write(String path, byte[] content) {
        return write(path, content, false);
    }

    /**
     * Like {@link #write(String, byte[])}; a new file gets execute permission if {@code executable}
     * (cp gives a copy its source's mode).
     */
    public Optional<FileError> write(String path, byte[] content, boolean executable) {
        String p = normalize(path);
        Optional<FileError> refused = openForWriting(p);
        if (refused.isPresent()) return refused;
        if (p.equals(DEV_NULL)) return Optional.empty();
        if (p.startsWith("/proc/")) return content.length == 0 ? Optional.empty() : Optional.of(FileError.EIO);
        layer.write(p, content, executable);
        return Optional.empty();
    }

    /** Adds bytes at the end of the file, creating it if needed (a {@code >>} redirection). */
    public Optional<FileError> append(String path, byte[] data) {
        String p = normalize(path);
        Optional<FileError> refused = openForWriting(p);
        if (refused.isPresent()) return refused;
        if (p.equals(DEV_NULL)) return Optional.empty();
        if (p.startsWith("/proc/")) return data.length == 0 ? Optional.empty() : Optional.of(FileError.EIO);
        byte[] old = read(p).orElse(new byte[0]);
        byte[] joined = java.util.Arrays.copyOf(old, old.length + data.length);
        System.arraycopy(data, 0, joined, old.length, data.length);
        layer.write(p, joined, false);
        return Optional.empty();
    }

    /**
     * What open(O_WRONLY|O_CREAT) would say about {@code path}: a folder cannot be written, its
     * folder must exist, a read-only mount refuses (EROFS), sysfs refuses files it does not have
     * and attributes nobody may write (EACCES); /proc files and /dev/null open.
     */
    public Optional<FileError> openForWriting(String path) {
        String p = normalize(path);
        if (isDirectory(p)) return Optional.of(FileError.EISDIR);
        boolean exists = read(p).isPresent();
        String parent = parentOf(p);
        if (!exists) {
            if (read(parent).isPresent()) return Optional.of(FileError.ENOTDIR);
            if (!isDirectory(parent)) return Optional.of(FileError.ENOENT);
        }
        if (p.equals(DEV_NULL) || layer.isFile(p)) return Optional.empty();
        if (p.startsWith("/proc/")) return exists ? Optional.empty() : Optional.of(FileError.ENOENT);
        if (p.startsWith("/sys/")) return Optional.of(FileError.EACCES);
        if (!hostFiles(p).isEmpty()) return Optional.of(FileError.EROFS);
        return Optional.empty();
    }

    static String parentOf(String normalized) {
        int slash = normalized.lastIndexOf('/');
        return slash <= 0 ? "/" : normalized.substring(0, slash);
    }

    /** Linux's CPU list format ("0-3,5"), as /sys/devices/system/cpu/online prints it. */
    static String cpuList(java.util.SortedSet<Integer> cpus) {
        java.util.BitSet bits = new java.util.BitSet();
        cpus.forEach(bits::set);
        return dev.warden.config.CpuSet.format(bits);
    }

    /** The host file behind a path: the first folder of its mount that has it. */
    private Optional<java.nio.file.Path> hostFile(String p) {
        List<java.nio.file.Path> all = hostFiles(p);
        for (java.nio.file.Path f : all) if (java.nio.file.Files.exists(f)) return Optional.of(f);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The candidates for a path in every folder of the innermost mount that covers it. */
    private List<java.nio.file.Path> hostFiles(String p) {
        for (var e : hostMounts.descendingMap().entrySet()) {
            String m = e.getKey();
            if (!p.equals(m) && !p.startsWith(m + "/")) continue;
            List<java.nio.file.Path> out = new ArrayList<>();
            for (java.nio.file.Path folder : e.getValue()) {
                java.nio.file.Path f = p.equals(m) ? folder : folder.resolve(p.substring(m.length() + 1)).normalize();
                if (f.startsWith(folder)) out.add(f);
            }
            return out;
        }
        return List.of();
    }

    /** Whether the path names a file or folder. */
    public boolean exists(String path) {
        return read(path).isPresent() || list(path).isPresent();
    }

    static String normalize(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private String cpuinfo() {
        StringBuilder sb = new StringBuilder();
        for (int cpu : kernel.onlineCpus()) {
            String core = board.profile().cpus().get(kernel.boardCpu(cpu)).core();
            sb.append("processor\t: ").append(cpu).append('\n')
              .append("BogoMIPS\t: ").append(String.format("%.2f", board.profile().timerFrequencyHz() * 2 / 1e6)).append('\n')
              .append("Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 cpuid\n")
              .append("CPU implementer\t: 0x41\n")
              .append("CPU architecture: 8\n")
              .append("CPU variant\t: ").append(core.equals("cortex-a57") ? "0x1" : "0x0").append('\n')
              .append("CPU part\t: ").append(switch (core) {
                  case "cortex-a72" -> "0xd08";
                  case "cortex-a57" -> "0xd07";
                  default -> "0xd03";
              }).append('\n')
              .append("CPU revision\t: ").append(core.equals("cortex-a72") ? "3" : "4").append("\n\n");
        }
        return sb.toString();
    }

    /** System RAM from /memory, with the no-map reservations cut out, as the kernel sees it. */
    /** The kernel's iomem resources, System RAM among them, by address. */
    private String iomem() {
        List<IoResources.Resource> held = new ArrayList<>(kernel.iomem().held());
        held.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        StringBuilder sb = new StringBuilder();
        for (IoResources.Resource r : held) sb.append(String.format("%08x-%08x : %s\n", r.start(), r.end(), r.name()));
        return sb.toString();
    }

    private String mounts() {
        return mounts;
    }
}
