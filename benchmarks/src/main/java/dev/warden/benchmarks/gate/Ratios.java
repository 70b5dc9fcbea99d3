package dev.warden.benchmarks.gate;

import java.util.Map;
import java.util.TreeMap;

/**
 * The figures the gate checks, all ratios of two speeds measured in the same run, so that they
 * hold on machines of different speed: per program, translated over interpreted MIPS; each
 * mode's MIPS over the calibration loop's score (plain Java work on the same JVM); and translated
 * MIPS over QEMU's MIPS on the same image, where QEMU was measured.
 */
public final class Ratios {

    private Ratios() { }

    /**
     * @param coreMips    MIPS by program and mode ("interpreted", "translated")
     * @param calibration the calibration benchmark's score (steps per microsecond)
     * @param qemuMips    QEMU's MIPS by program (empty when QEMU was not run)
     */
    public static Map<String, Double> of(Map<String, Map<String, Double>> coreMips, double calibration, Map<String, Double> qemuMips) {
        Map<String, Double> ratios = new TreeMap<>();
        for (Map.Entry<String, Map<String, Double>> p : coreMips.entrySet()) {
            String program = p.getKey();
            Double interpreted = p.getValue().get("interpreted");
            Double translated = p.getValue().get("translated");
            if (interpreted != null && translated != null) ratios.put(program + " translated/interpreted", translated / interpreted);
            if (interpreted != null) ratios.put(program + " interpreted/calibration", interpreted / calibration);
            if (translated != null) ratios.put(program + " translated/calibration", translated / calibration);
            Double qemu = qemuMips.get(program);
            if (translated != null && qemu != null) ratios.put(program + " translated/qemu", translated / qemu);
        }
        return ratios;
    }

    /**
     * The tolerance a newly recorded figure gets. Wide, because the benchmarks of one ratio run in
     * different forks some seconds apart on a shared 2-core machine (runs there varied by up to
     * 40 %): ratios across processes (QEMU) and the MMIO loop (allocation in the device path) vary
     * most, and so do whole scenarios. A core made slower per instruction, or without its translator,
     * still falls far below.
     */
    public static double defaultTolerance(String name) {
        if (name.startsWith("isolation ")) return 0.5; // whole scenarios: GC, JIT and the scheduler of a shared machine in them
        if (name.endsWith("/qemu") || name.startsWith("mmio-loop")) return 0.5;
        if (name.endsWith("translated/interpreted")) return 0.4;
        return 0.45;
    }
}
