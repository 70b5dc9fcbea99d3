package dev.warden.hypervisor.mmio;

/** Emulates a register window the cell may not touch directly. */
@FunctionalInterface
public interface MmioHandler {

    MmioResult handle(MmioAccess access);
}
