package dev.warden.rootcell.linux;

import dev.warden.emulator.el2.Errno;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The kernel's modules: a {@code .ko} file names its module in its modinfo ({@code name=...});
 * the behaviour behind a name is registered by whoever models that module. Loading an
 * out-of-tree module taints the kernel once, as Linux reports.
 */
public final class KernelModules {

    private final LinuxModel kernel;
    private final Map<String, Supplier<KernelModule>> known = new LinkedHashMap<>();
    private final Map<String, KernelModule> loaded = new LinkedHashMap<>();
    private boolean tainted;

    KernelModules(LinuxModel kernel) {
        this.kernel = kernel;
    }

    /** Names the behaviour of a module that files with {@code name=NAME} in their modinfo load. */
    public void register(String name, Supplier<KernelModule> factory) {
        known.put(name, factory);
    }

    public Optional<KernelModule> loaded(String name) {
        return Optional.ofNullable(loaded.get(name));
    }

    /** insmod of a module file's bytes: 0, or the errno insmod reports. */
    public Optional<Errno> insert(byte[] file) {
        String name = modinfoName(file);
        if (name == null || !known.containsKey(name)) return Optional.of(Errno.ENOEXEC);
        if (loaded.containsKey(name)) return Optional.of(Errno.EEXIST);
        load(name);
        return Optional.empty();
    }

    /** Loads a module by name (what the init system's modprobe does at boot). */
    public void load(String name) {
        if (loaded.containsKey(name)) return;
        if (!tainted) {
            kernel.printk(name + ": loading out-of-tree module taints kernel.");
            tainted = true;
        }
        KernelModule m = known.get(name).get();
        loaded.put(name, m);
        m.init();
    }

    /** rmmod NAME: empty on success, else the errno rmmod reports. */
    public Optional<Errno> remove(String name) {
        KernelModule m = loaded.get(name);
        if (m == null) return Optional.of(Errno.ENOENT);
        if (m.inUse()) return Optional.of(Errno.EAGAIN);
        m.exit();
        loaded.remove(name);
        return Optional.empty();
    }

    private static String modinfoName(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\0name=");
        if (at < 0 && text.startsWith("name=")) at = -1;
        else if (at < 0) return null;
        int start = at + 1 + "name=".length();
        int end = text.indexOf('\0', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
