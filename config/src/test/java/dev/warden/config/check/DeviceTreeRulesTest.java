package dev.warden.config.check;

import static dev.warden.config.check.Sets.check;
import static dev.warden.config.check.Sets.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.check.DeviceTreeView.Device;
import dev.warden.config.check.DeviceTreeView.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules that need the board's DT after overlays, over a small in-memory view of the AM654 DT. */
class DeviceTreeRulesTest {
    private record FakeDt(List<Device> devices, List<Range> noMapReservations, int cpuCount) implements DeviceTreeView {
        @Override
        public String source() {
            return "k3-am654-base-board.dtb + k3-am654-idk-jailhouse.dtbo";
        }
    }

    private static final Device MAIN_UART0 = new Device("/bus@100000/serial@2800000", true,
            List.of(new Range(0x2800000, 0x100)));
    private static final Device MCU_UART0 = new Device("/bus@100000/bus@28380000/serial@40a00000", true,
            List.of(new Range(0x40a00000L, 0x100)));
    private static final Device GIC = new Device("/bus@100000/interrupt-controller@1800000", true,
            List.of(new Range(0x1800000, 0x10000), new Range(0x1880000, 0x90000)));
    private static final Range HV = new Range(0x8dfc00000L, 0x400000);

    private static FakeDt dt(List<Device> devices, List<Range> noMap, int cpus) {
        return new FakeDt(devices, noMap, cpus);
    }

    @Test
    void hypervisorMemoryReservedNoMap() {
        FakeDt good = dt(List.of(), List.of(new Range(0x8dfa00000L, 0x600000)), 4);
        assertThat(rule("dt/hypervisor-not-reserved", check(good, Sets.am654()))).isEmpty();
        FakeDt none = dt(List.of(), List.of(), 4);
        assertThat(rule("dt/hypervisor-not-reserved", check(none, Sets.am654()))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("is not reserved"));
        FakeDt partial = dt(List.of(), List.of(new Range(0x8dfc00000L, 0x200000)), 4);
        assertThat(rule("dt/hypervisor-not-reserved", check(partial, Sets.am654()))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("only partly inside"));
        assertThat(rule("dt/hypervisor-not-reserved", check(Sets.am654()))).isEmpty();
    }

    @Test
    void enabledRootDeviceWithoutRootRegion() {
        Device crypto = new Device("/bus@100000/crypto@4e00000", true, List.of(new Range(0x4e00000, 0x1200)));
        Device ok = new Device("/bus@100000/gpio@600000", true, List.of(new Range(0x600000, 0x100)));
        Device off = new Device("/bus@100000/crypto@4e00000", false, List.of(new Range(0x4e00000, 0x1200)));
        Device hole = new Device("/bus@100000/sram@17f00000", true, List.of(new Range(0x17f00000, 0x1000)));
        List<Finding> f = rule("dt/root-region-missing",
                check(dt(List.of(ok, off, GIC, MAIN_UART0, hole), List.of(HV), 4), Sets.am654()));
        assertThat(f).extracting(x -> x.locations().get(0).cell()).containsExactly("/bus@100000/sram@17f00000");
        assertThat(rule("dt/root-region-missing", check(dt(List.of(crypto), List.of(HV), 4), Sets.am654()))).isEmpty();
    }

    @Test
    void inmateDeviceStillEnabledInRoot() {
        FakeDt withUart = dt(List.of(MCU_UART0), List.of(HV), 4);
        assertThat(rule("dt/inmate-device-in-root", check(withUart, Sets.am654(), Sets.am654Inmate()))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("serial@40a00000").contains("'inmate-demo'"));
        Device disabled = new Device(MCU_UART0.path(), false, MCU_UART0.regs());
        assertThat(rule("dt/inmate-device-in-root",
                check(dt(List.of(disabled), List.of(HV), 4), Sets.am654(), Sets.am654Inmate()))).isEmpty();
    }

    @Test
    void cpusPresentOnTheBoard() {
        FakeDt two = dt(List.of(), List.of(HV), 2);
        List<Finding> f = rule("cpus/not-on-board", check(two, Sets.am654(), Sets.am654Linux()));
        assertThat(f).extracting(Finding::message).anyMatch(m -> m.startsWith("Cell 'k3-am654-idk' names CPUs 2-3"))
                .anyMatch(m -> m.startsWith("Cell 'k3-am654-idk-linux-demo' names CPUs 2-3"));
        FakeDt eight = dt(List.of(), List.of(HV), 8);
        assertThat(rule("cpus/not-on-board", check(eight, Sets.am654()))).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
        assertThat(rule("cpus/not-on-board", check(dt(List.of(), List.of(HV), 4), Sets.am654(), Sets.am654Linux())))
                .isEmpty();
    }
}
