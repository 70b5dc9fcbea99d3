package dev.warden.hypervisor.core;

/**
 * The per-CPU exit counters of arm64 (jailhouse-facts §4.10: CPU_GET_INFO type 1000 + index),
 * in the order of their indices, with the sysfs names {@code statistics/vmexits_*} shows.
 */
public enum CpuStat {
    TOTAL("vmexits_total"),
    MMIO("vmexits_mmio"),
    MANAGEMENT("vmexits_management"),
    HYPERCALL("vmexits_hypercall"),
    MAINTENANCE("vmexits_maintenance"),
    VIRT_IRQ("vmexits_virt_irq"),
    VIRT_SGI("vmexits_virt_sgi"),
    PSCI("vmexits_psci"),
    SMCCC("vmexits_smccc");

    /** CPU_GET_INFO's type of the first counter. */
    public static final int INFO_BASE = 1000;

    private final String sysfsName;

    CpuStat(String sysfsName) {
        this.sysfsName = sysfsName;
    }

    public String sysfsName() { return sysfsName; }
}
