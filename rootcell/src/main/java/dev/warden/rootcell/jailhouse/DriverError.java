package dev.warden.rootcell.jailhouse;

import dev.warden.emulator.el2.Errno;

/** An ioctl of the jailhouse driver that fails, with the errno the tool's perror() prints. */
public final class DriverError extends RuntimeException {

    private final Errno errno;

    public DriverError(Errno errno, String why) {
        super(errno.name() + ": " + why, null, false, false);
        this.errno = errno;
    }

    /** The error a hypercall returned (a negative errno). */
    static DriverError ofReturn(long value, String call) {
        Errno e = Errno.ofReturn(value).orElse(Errno.EINVAL);
        return new DriverError(e, call + " returned " + value);
    }

    public Errno errno() { return errno; }
}
