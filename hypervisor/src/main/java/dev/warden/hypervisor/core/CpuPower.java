package dev.warden.hypervisor.core;

/**
 * How the CPUs of a cell are switched on and off by the PSCI the hypervisor emulates: an emulated
 * core is started or stopped, a modeled root CPU waits in the hypervisor until switched on again.
 */
public interface CpuPower {

    /** CPU_ON of a CPU waiting for power-on: false when it already runs. */
    boolean powerOn(int cpu, long entry, long context);

    /** CPU_OFF on {@code cpu}: it waits in the hypervisor until switched on. */
    void powerOff(int cpu);

    boolean isOn(int cpu);
}
