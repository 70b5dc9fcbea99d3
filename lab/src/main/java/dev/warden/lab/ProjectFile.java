package dev.warden.lab;

import java.nio.file.Path;

/**
 * A file of the user's project that a step named, checked and read: where it is on the host, the
 * path the step gave (relative to the project, normalised), its content and its kind.
 */
public record ProjectFile(Path path, String relative, byte[] content, ProjectFileKind kind) {

    public ProjectFile {
        content = content.clone();
    }

    @Override
    public byte[] content() { return content.clone(); }

    /** The file's name without its folders. */
    public String fileName() { return path.getFileName().toString(); }
}
