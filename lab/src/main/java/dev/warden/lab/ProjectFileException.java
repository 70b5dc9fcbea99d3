package dev.warden.lab;

/**
 * A scenario named a file or folder of the project that cannot be used as asked: it is missing,
 * of the wrong kind, or outside the project. The message names the step and the file.
 */
public final class ProjectFileException extends RuntimeException {

    public ProjectFileException(String message) {
        super(message);
    }
}
