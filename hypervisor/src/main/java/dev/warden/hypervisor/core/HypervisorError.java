package dev.warden.hypervisor.core;

import dev.warden.emulator.el2.Errno;
/** A management operation the driver or the hypervisor refused, with the errno it returns. */
public final class HypervisorError extends RuntimeException {

    private final Errno errno;

    public HypervisorError(Errno errno, String why) {
        super(errno.name() + ": " + why);
        this.errno = errno;
    }

    public Errno errno() { return errno; }
}
