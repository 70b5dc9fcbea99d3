package dev.warden.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a command's output files all or nothing: none is written when one exists (unless
 * --force), each is written to a temporary file beside its target and moved into place only when
 * all of them were written, so an interrupted run never leaves a half-written file.
 */
final class OutputFiles {

    /** A file that cannot be written, with the message the user sees. */
    static final class OutputException extends Exception {
        private static final long serialVersionUID = 1L;

        OutputException(String message) {
            super(message);
        }
    }

    private final Map<Path, byte[]> files = new LinkedHashMap<>();

    OutputFiles add(Path target, byte[] content) {
        files.put(target, content.clone());
        return this;
    }

    List<Path> targets() {
        return List.copyOf(files.keySet());
    }

    void write(boolean force) throws OutputException {
        if (!force) {
            for (Path p : files.keySet()) {
                if (Files.exists(p)) throw new OutputException(p + ": exists; give --force to overwrite it");
            }
        }
        List<Path[]> staged = new ArrayList<>();
        try {
            for (Map.Entry<Path, byte[]> f : files.entrySet()) {
                Path target = f.getKey().toAbsolutePath();
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
                staged.add(new Path[] {tmp, target});
                Files.write(tmp, f.getValue());
            }
            for (Path[] s : staged) move(s[0], s[1]);
        } catch (IOException e) {
            for (Path[] s : staged) {
                try {
                    Files.deleteIfExists(s[0]);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after its target
                }
            }
            throw new OutputException("cannot write " + e.getMessage() + " (nothing was written)");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
