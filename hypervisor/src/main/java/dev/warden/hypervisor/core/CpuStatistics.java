package dev.warden.hypervisor.core;

/**
 * Exit counters of every CPU. A CPU's counters start again from zero when it joins a new cell,
 * as the real per-CPU data is cleared then; values are masked to 31 bits when read, as
 * CPU_GET_INFO returns them.
 */
public final class CpuStatistics {

    private final long[][] counters;

    CpuStatistics(int cpus) {
        counters = new long[cpus][CpuStat.values().length];
    }

    /** One exit of kind {@code stat} on {@code cpu}, counted in the total too. */
    public void exit(int cpu, CpuStat stat) {
        if (cpu < 0 || cpu >= counters.length) return;
        counters[cpu][CpuStat.TOTAL.ordinal()]++;
        if (stat != CpuStat.TOTAL) counters[cpu][stat.ordinal()]++;
    }

    public long get(int cpu, CpuStat stat) {
        return counters[cpu][stat.ordinal()] & 0x7fffffffL;
    }

    void reset(int cpu) {
        java.util.Arrays.fill(counters[cpu], 0);
    }
}
