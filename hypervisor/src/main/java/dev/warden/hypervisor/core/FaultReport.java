package dev.warden.hypervisor.core;

/**
 * The lines the hypervisor prints when it parks a CPU (jailhouse-facts §3.5): the cause, the
 * FATAL line with the exception class, the register dump of the faulting CPU, and the parking line.
 */
final class FaultReport {

    static final int EC_HVC64 = 0x16;
    static final int EC_SMC64 = 0x17;
    static final int EC_SYS64 = 0x18;
    static final int EC_IABT_LOW = 0x20;
    static final int EC_DABT_LOW = 0x24;

    private FaultReport() {}

    static String format(String cause, boolean forbidden, int exceptionClass, CpuContext cpu, String cellName) {
        StringBuilder sb = new StringBuilder();
        if (cause != null) sb.append(cause).append('\n');
        sb.append(String.format("\nFATAL: %s (exception class 0x%02x)\n", forbidden ? "forbidden access" : "unhandled trap",
                exceptionClass));
        sb.append(dump(cpu));
        sb.append(String.format("\nParking CPU %d (Cell: \"%s\")\n", cpu.cpuId(), cellName));
        return sb.toString();
    }

    static String dump(CpuContext cpu) {
        StringBuilder sb = new StringBuilder("Cell state before exception:\n");
        long spsr = cpu.spsr();
        long esr = cpu.esr();
        sb.append(String.format(" pc: %016x   lr: %016x spsr: %08x     EL%d\n", cpu.pc(), cpu.x(30), spsr, (spsr >> 2) & 3));
        // an SMC traps with ELR at the SMC itself; the hypervisor has stepped the PC past it before the dump
        long elr = ((esr >> 26) & 0x3f) == EC_SMC64 ? cpu.pc() - 4 : cpu.pc();
        sb.append(String.format(" sp: %016x  elr: %016x  esr: %02x %01x %07x\n", cpu.sp(), elr,
                (esr >> 26) & 0x3f, (esr >> 25) & 1, esr & 0x1ffffff));
        for (int i = 0; i < 30; i++) {
            sb.append(String.format("%sx%d: %016x%s", i < 10 ? " " : "", i, cpu.x(i), i % 3 == 2 ? "\n" : "  "));
        }
        return sb.toString();
    }
}
