package dev.warden.rootcell.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The files and folders the board's users create (a shell redirection, {@code cp}, {@code dd}),
 * kept in memory over the rest of {@link RootFs}: an entry here hides whatever the lower layers
 * have at the same path. Contents are kept byte for byte, because such files are fed to
 * {@code jailhouse enable} and {@code cell create} afterwards. Modification times are virtual
 * (nanoseconds of board time), so {@code ls -l} prints the same date every run.
 */
final class WritableLayer {

    /** A file (its bytes) or a folder (no bytes), with the board time of its last change. */
    record Entry(byte[] content, long modified, boolean executable) {
        boolean isDirectory() { return content == null; }
    }

    private final TreeMap<String, Entry> entries = new TreeMap<>();
    private final LongSupplier clock;

    /** @param clock the board's virtual time, in nanoseconds since power-on */
    WritableLayer(LongSupplier clock) {
        this.clock = clock;
    }

    Optional<Entry> entry(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    boolean isFile(String path) {
        Entry e = entries.get(path);
        return e != null && !e.isDirectory();
    }

    boolean isDirectory(String path) {
        Entry e = entries.get(path);
        return e != null && e.isDirectory();
    }

    /** A copy of a file's bytes, so that callers cannot change the stored file behind our back. */
    Optional<byte[]> read(String path) {
        return isFile(path) ? Optional.of(entries.get(path).content().clone()) : Optional.empty();
    }

    /**
     * Creates or replaces a file; the caller has checked that its folder exists and may be written.
     * A file that exists keeps its mode, as open(O_TRUNC) leaves it.
     */
    void write(String path, byte[] content, boolean executableIfNew) {
        Entry old = entries.get(path);
        boolean executable = old != null && !old.isDirectory() ? old.executable() : executableIfNew;
        entries.put(path, new Entry(content.clone(), clock.getAsLong(), executable));
    }

    void mkdir(String path) {
        entries.putIfAbsent(path, new Entry(null, clock.getAsLong(), true));
    }

    /** The names directly inside {@code dir} that this layer holds. */
    List<String> children(String dir) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        List<String> out = new ArrayList<>();
        for (String p : entries.tailMap(prefix, false).keySet()) {
            if (!p.startsWith(prefix)) break;
            String rest = p.substring(prefix.length());
            if (!rest.isEmpty() && !rest.contains("/")) out.add(rest);
        }
        return out;
    }
}
