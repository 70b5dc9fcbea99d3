package dev.warden.emulator.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.emulator.firmware.psci.ModeledPsci;
import dev.warden.emulator.firmware.psci.PsciFirmware;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModeledPsciTest {

    @Test
    void theBootCpuIsOnSecondariesComeUpOnceAndUnknownAffinitiesAreInvalid() {
        ModeledPsci psci = new ModeledPsci(List.of(0x0L, 0x1L, 0x100L, 0x101L));

        assertThat(psci.cpuOn(0x0)).isEqualTo(PsciFirmware.ALREADY_ON);
        assertThat(psci.cpuOn(0x100)).isEqualTo(PsciFirmware.SUCCESS);
        assertThat(psci.cpuOn(0x100)).isEqualTo(PsciFirmware.ALREADY_ON);
        assertThat(psci.cpuOn(0x2)).isEqualTo(PsciFirmware.INVALID_PARAMETERS);
        assertThat(psci.affinityInfo(0x101)).isEqualTo(1);
        psci.cpuOff(0x100);
        assertThat(psci.affinityInfo(0x100)).isEqualTo(1);
        assertThat(psci.cpuOn(0x100)).isEqualTo(PsciFirmware.SUCCESS);
    }
}
