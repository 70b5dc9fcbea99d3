package dev.warden.lab.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of what may differ between two runs, and that nothing else is touched. */
class LineNormalizerTest {

    final LineNormalizer n = new LineNormalizer("qemu-arm64", 0, 0x10000);

    @Test
    void kernelTimestampsTheMasterCpuAndPollingTimeAreMasked() {
        assertThat(n.root(List.of("[   18.588163] The Jailhouse is opening.",
                "Initializing Jailhouse hypervisor v0.12 (324-ge57d1eff) on CPU 9",
                "[    5.0] psci: CPU1 killed (polled 12 ms)")))
                .containsExactly("[T] The Jailhouse is opening.",
                        "Initializing Jailhouse hypervisor v0.12 (324-ge57d1eff) on CPU *",
                        "[T] psci: CPU1 killed (polled * ms)");
    }

    @Test
    void aRunOfPerCpuLinesIsPutInCpuOrderAndNothingElseMoves() {
        assertThat(n.root(List.of("Initializing processors:", " CPU 2... OK", " CPU 10... OK", " CPU 0... OK",
                "Initializing unit: irqchip", " Releasing CPU 15", " Releasing CPU 1")))
                .containsExactly("Initializing processors:", " CPU 0... OK", " CPU 2... OK", " CPU 10... OK",
                        "Initializing unit: irqchip", " Releasing CPU 1", " Releasing CPU 15");
    }

    @Test
    void aRootDumpKeepsItsSyndromeAndPstateButNotTheModeledKernelsRegisters() {
        List<String> dump = n.root(List.of("Cell state before exception:",
                " pc: ffffffc0002b12f0   lr: ffffffc0080a8b10 spsr: 800000c5     EL1",
                " sp: ffffff80016a7cc0  elr: ffffffc0002b12f0  esr: 24 1 1800007",
                " x0: ffffffc00885e000   x1: ffffffc008800000   x2: 0000000000000060",
                "", "Parking CPU 10 (Cell: \"qemu-arm64\")"));
        assertThat(dump.get(1)).isEqualTo(" pc: ****************   lr: **************** spsr: 800000c5     EL1");
        assertThat(dump.get(2)).endsWith("esr: 24 1 1800007");
        assertThat(dump.get(3)).doesNotContain("ffffffc00885e000");
        assertThat(dump.get(5)).isEqualTo("Parking CPU * (Cell: \"qemu-arm64\")");
    }

    @Test
    void anInmatesDumpKeepsWhatLiesOutsideItsOwnRam() {
        List<String> dump = n.root(List.of("Cell state before exception:",
                " x0: 0000000000009000   x1: 0000000040000705   x2: 0000000000000000",
                "x18: 0000000000000000  x19: 0000000040000000  x20: 0000000000000000",
                "Parking CPU 1 (Cell: \"inmate-demo\")"));
        assertThat(dump.get(1)).isEqualTo(" x0: ****************   x1: 0000000040000705   x2: ****************");
        assertThat(dump.get(2)).contains("x19: 0000000040000000");
        assertThat(dump.get(3)).isEqualTo("Parking CPU 1 (Cell: \"inmate-demo\")");
    }

    @Test
    void gicDemosFiguresAndHowManyTimesItFiredDoNotCountButItsOtherLinesDo() {
        assertThat(LineNormalizer.inmate(List.of("Initializing the GIC...", "Timer fired, jitter: 282193 ns, min: 1 ns, max: 2 ns",
                "Timer fired, jitter:  93564 ns, min: 1 ns, max: 3 ns", "Unexpected IRQ 5")))
                .containsExactly("Initializing the GIC...", "Timer fired, jitter: *", "Unexpected IRQ 5");
    }
}
