package dev.warden.cli;

import dev.warden.devicetree.blob.FdtBlob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading blobs for the dt subcommands; a file that cannot be read becomes a one-line error. */
final class DtFiles {
    private DtFiles() {
    }

    /** Thrown for a file that cannot be read; the message is what the user sees. */
    static final class UnreadableFile extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableFile(String message) {
            super(message);
        }
    }

    static byte[] read(String file) throws UnreadableFile {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UnreadableFile(file + ": no such file");
        } catch (IOException e) {
            throw new UnreadableFile(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** The file as a blob whose header passed libfdt's checks (FdtException otherwise). */
    static FdtBlob blob(String file) throws UnreadableFile {
        return FdtBlob.loadChecked(read(file), file);
    }
}
