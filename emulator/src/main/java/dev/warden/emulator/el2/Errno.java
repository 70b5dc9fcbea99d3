package dev.warden.emulator.el2;

/** The Linux errno values of the hypercall ABI and the root kernel, with glibc's strerror text. */
public enum Errno {
    EPERM(1, "Operation not permitted"),
    ENOENT(2, "No such file or directory"),
    EINTR(4, "Interrupted system call"),
    EIO(5, "Input/output error"),
    E2BIG(7, "Argument list too long"),
    ENOEXEC(8, "Exec format error"),
    EAGAIN(11, "Resource temporarily unavailable"),
    ENOMEM(12, "Cannot allocate memory"),
    EFAULT(14, "Bad address"),
    EBUSY(16, "Device or resource busy"),
    EEXIST(17, "File exists"),
    ENODEV(19, "No such device"),
    EINVAL(22, "Invalid argument"),
    ERANGE(34, "Numerical result out of range"),
    ENOSYS(38, "Function not implemented");

    private final int number;
    private final String text;

    Errno(int number, String text) {
        this.number = number;
        this.text = text;
    }

    public int number() { return number; }

    /** strerror(): what perror() prints after the colon. */
    public String strerror() { return text; }

    /** The errno a negative return value names, if Warden knows it. */
    public static java.util.Optional<Errno> ofReturn(long value) {
        for (Errno e : values()) if (-e.number == value) return java.util.Optional.of(e);
        return java.util.Optional.empty();
    }

    /** What a call returns for this error: the negated number. */
    public long asReturn() { return -number; }
}
