package dev.warden.hypervisor.core;

/** The Linux errno values the driver and the hypervisor return, with glibc's strerror text. */
public enum Errno {
    EPERM(1, "Operation not permitted"),
    ENOENT(2, "No such file or directory"),
    EIO(5, "Input/output error"),
    E2BIG(7, "Argument list too long"),
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
}
