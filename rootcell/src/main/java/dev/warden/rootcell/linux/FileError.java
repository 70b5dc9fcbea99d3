package dev.warden.rootcell.linux;

/**
 * Why a file operation failed, with the C library's strerror text that busybox applets print after
 * the colon ("cat: can't open 'x': No such file or directory").
 */
public enum FileError {
    ENOENT("No such file or directory"),
    EIO("Input/output error"),
    EACCES("Permission denied"),
    ENOTDIR("Not a directory"),
    EISDIR("Is a directory"),
    EROFS("Read-only file system");

    private final String text;

    FileError(String text) {
        this.text = text;
    }

    public String strerror() { return text; }
}
