package dev.warden.emulator.devices.gic;

import dev.warden.emulator.cpu.SysReg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The GICv3 model driven the way a driver drives it: distributor, redistributors, ICC_* registers. */
class GicV3Test {

    private final boolean[] line = new boolean[2];
    private GicV3 gic;
    private GicCpuInterface cpu0;
    private GicCpuInterface cpu1;

    @BeforeEach
    void wire() {
        gic = new GicV3(288, new long[] {0x0, 0x1}, new GicV3.IrqOutput[] {l -> line[0] = l, l -> line[1] = l});
        cpu0 = gic.cpuInterface(0);
        cpu1 = gic.cpuInterface(1);
        gic.distributor().write(0x0000, 4, 0x2); // GICD_CTLR.EnableGrp1
        for (GicCpuInterface c : new GicCpuInterface[] {cpu0, cpu1}) {
            c.write(null, SysReg.ICC_PMR_EL1, 0xf0);
            c.write(null, SysReg.ICC_IGRPEN1_EL1, 1);
        }
    }

    private void enableSpi(int id, int priority, long route) {
        gic.distributor().write(0x0080 + (id / 32) * 4, 4, 1L << (id % 32)); // IGROUPR: group 1
        gic.distributor().write(0x0400 + id, 1, priority);
        gic.distributor().write(0x6000 + id * 8L, 8, route);
        gic.distributor().write(0x0100 + (id / 32) * 4, 4, 1L << (id % 32)); // ISENABLER
    }

    @Test
    void aLevelSpiIsAcknowledgedEndedAndSignalledAgainWhileItsLineIsHigh() {
        enableSpi(33, 0x80, 0x0);
        gic.setSpi(33, true);
        assertThat(line[0]).isTrue();
        assertThat(line[1]).isFalse();

        assertThat(cpu0.read(null, SysReg.ICC_IAR1_EL1)).isEqualTo(33);
        assertThat(line[0]).as("active: no longer signalled").isFalse();
        assertThat(cpu0.read(null, SysReg.ICC_RPR_EL1)).isEqualTo(0x80);

        cpu0.write(null, SysReg.ICC_EOIR1_EL1, 33);
        assertThat(cpu0.read(null, SysReg.ICC_RPR_EL1)).isEqualTo(0xff);
        assertThat(line[0]).as("the device still asserts it").isTrue();
        gic.setSpi(33, false);
        assertThat(line[0]).isFalse();
        assertThat(cpu0.read(null, SysReg.ICC_IAR1_EL1)).isEqualTo(1023);
    }

    @Test
    void routingPicksTheCpuByAffinity() {
        enableSpi(40, 0x80, 0x1);
        gic.setSpi(40, true);
        assertThat(line).containsExactly(false, true);
        assertThat(cpu1.read(null, SysReg.ICC_HPPIR1_EL1)).isEqualTo(40);
        assertThat(gic.distributor().read(0x6000 + 40 * 8, 8)).isEqualTo(0x1);
    }

    @Test
    void anSpiGoesToTheCpuItsRouteNamesOnlyWhileEnabled() {
        assertThat(gic.spiTarget(40)).as("disabled").isEqualTo(-1);
        enableSpi(40, 0x80, 0x1);
        assertThat(gic.spiTarget(40)).isEqualTo(1);
        gic.distributor().write(0x6000 + 40 * 8L, 8, 0x0);
        assertThat(gic.spiTarget(40)).isEqualTo(0);
        gic.distributor().write(0x0180 + (40 / 32) * 4, 4, 1L << (40 % 32)); // ICENABLER
        assertThat(gic.spiTarget(40)).as("disabled again").isEqualTo(-1);
        assertThat(gic.spiTarget(7)).as("not an SPI").isEqualTo(-1);
    }

    @Test
    void thePriorityMaskAndTheRunningPriorityHoldBackInterrupts() {
        enableSpi(34, 0xf0, 0x0);
        gic.setSpi(34, true);
        assertThat(line[0]).as("priority 0xf0 is not below the mask 0xf0").isFalse();
        cpu0.write(null, SysReg.ICC_PMR_EL1, 0xff);
        assertThat(cpu0.read(null, SysReg.ICC_PMR_EL1)).isEqualTo(0xf8); // five priority bits
        assertThat(line[0]).isTrue();

        assertThat(cpu0.read(null, SysReg.ICC_IAR1_EL1)).isEqualTo(34);
        enableSpi(35, 0xf0, 0x0);
        gic.setSpi(35, true);
        assertThat(line[0]).as("same priority cannot preempt").isFalse();
        enableSpi(36, 0x10, 0x0);
        gic.setSpi(36, true);
        assertThat(line[0]).as("a higher priority preempts").isTrue();
    }

    @Test
    void sgisGoToTheTargetListOrToAllOthers() {
        GicRedistributors gicr = gic.redistributors();
        gicr.write(0x20000 + 0x10000 + 0x0080, 4, 0xffff); // CPU 1: SGIs in group 1
        gicr.write(0x20000 + 0x10000 + 0x0100, 4, 0xffff); // CPU 1: enable SGIs
        cpu0.write(null, SysReg.ICC_SGI1R_EL1, 5L << 24 | 0b10); // SGI 5 to Aff0 = 1
        assertThat(line).containsExactly(false, true);
        assertThat(cpu1.read(null, SysReg.ICC_IAR1_EL1)).isEqualTo(5);
        cpu1.write(null, SysReg.ICC_EOIR1_EL1, 5);
        assertThat(line[1]).as("edge-triggered: consumed").isFalse();

        cpu1.write(null, SysReg.ICC_SGI1R_EL1, 3L << 24 | 1L << 40); // IRM: all but self
        assertThat(line[1]).isFalse();
        assertThat(gicr.read(0x10000 + 0x0200, 4)).as("CPU 0's ISPENDR0").isEqualTo(1L << 3);
    }

    @Test
    void aPpiIsPrivateToItsCpu() {
        GicRedistributors gicr = gic.redistributors();
        gicr.write(0x10000 + 0x0080, 4, 1L << 27);
        gicr.write(0x10000 + 0x0100, 4, 1L << 27);
        gic.setPpi(1, 27, true);
        assertThat(line).containsExactly(false, false);
        gic.setPpi(0, 27, true);
        assertThat(line).containsExactly(true, false);
        assertThat(gicr.read(0x10000 + 0x0100, 4)).isEqualTo(1L << 27);
    }

    @Test
    void identificationRegistersReadAsOnQemuVirt() {
        assertThat(gic.distributor().read(0x0004, 4)).isEqualTo(0x037a0008L); // 288 interrupt IDs
        assertThat(gic.distributor().read(0xffe8, 4)).isEqualTo(0x3b);
        assertThat(gic.redistributors().read(0x0008, 8)).isEqualTo(0x0000000001000001L);
        assertThat(gic.redistributors().read(0x20008, 8)).isEqualTo(0x0000000101000111L); // affinity 1, Last
        assertThat(gic.distributor().read(0x0000, 4)).isEqualTo(0x52);
    }

    @Test
    void wakerFollowsProcessorSleep() {
        assertThat(gic.redistributors().read(0x0014, 4)).isEqualTo(6);
        gic.redistributors().write(0x0014, 4, 0);
        assertThat(gic.redistributors().read(0x0014, 4)).isZero();
    }

    @Test
    void badInputsAreRefusedWithTheRule() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gic.setSpi(12, true))
                .hasMessageContaining("SPI 12 is outside 32..287");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gic.setPpi(0, 40, true))
                .hasMessageContaining("PPI IDs are 16..31");
    }
}
