package dev.warden.hypervisor.core;

/**
 * The root CPU that issued a management call spins in the hypervisor for ever: it waits for a cell
 * that never answers the shutdown request and has no msg_reply_timeout. The Linux code that made
 * the call never gets control back.
 */
public final class RootCpuStalled extends RuntimeException {
    public RootCpuStalled(String cell) {
        super("the root CPU spins in the hypervisor, waiting for cell \"" + cell + "\" to answer its shutdown request");
    }
}
