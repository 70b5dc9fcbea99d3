package dev.warden.hypervisor.core;

/** Thrown into modeled guest code whose CPU the hypervisor just parked: that code runs no further. */
public final class CpuParkedException extends RuntimeException {

    private final int cpu;

    public CpuParkedException(int cpu, String cell) {
        super("CPU " + cpu + " of cell \"" + cell + "\" was parked by the hypervisor");
        this.cpu = cpu;
    }

    public int cpu() { return cpu; }
}
