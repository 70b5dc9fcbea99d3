package dev.warden.steps.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportEvidenceTest {

    private static final String CONSOLE = String.join("\n",
            "root@am65xx-evm:~# jailhouse cell start inmate-demo",
            "Unhandled data write at 0x2800000(4)",
            "",
            "FATAL: unhandled trap (exception class 0x24)",
            "Cell state before exception:",
            " pc: 0000000000001234   lr: 0000000000000000 spsr: 600003c5     EL1",
            "x0: 0000000000000041",
            "",
            "Parking CPU 1 (Cell: \"inmate-demo\")",
            "root@am65xx-evm:~# ");

    @Test
    void theLastFaultIsItsCauseDumpAndParkingLine() {
        LastFault f = LastFault.in(CONSOLE).orElseThrow();
        assertThat(f.dump()).startsWith("Unhandled data write at 0x2800000(4)").endsWith("Parking CPU 1 (Cell: \"inmate-demo\")");
        assertThat(f.access()).contains(new LastFault.Access(0x2800000L, 4, "write"));
        assertThat(f.cpu()).isEqualTo(1);
        assertThat(LastFault.in("no fault here")).isEmpty();
        assertThat(LastFault.access("FATAL: Invalid MMIO write, address: 40a00000, size: 1"))
                .contains(new LastFault.Access(0x40a00000L, 1, "write"));
    }

    @Test
    void theMemoryMapMarksTheFaultInTheRowOfItsAddress() {
        MemoryMap map = new MemoryMap("board", List.of(
                new MemoryMap.Lane("devices", MemoryMap.Kind.DEVICES, 0, List.of(new MemoryMap.Span(0x2800000, 0x2800100, "main_uart0", true))),
                new MemoryMap.Lane("cell 1 inmate-demo", MemoryMap.Kind.CELL, 1, List.of(new MemoryMap.Span(0x40a00000L, 0x40a01000L, "io", true))),
                new MemoryMap.Lane("fault", MemoryMap.Kind.FAULT, 0, List.of(new MemoryMap.Span(0x2800000, 0x2800004, "write", false)))),
                LastFault.in(CONSOLE));
        String svg = MemoryMapSvg.render(map);
        assertThat(svg).startsWith("<svg").contains("0x02800000–0x02800003 (4 B)").contains("main_uart0")
                .contains("✗ fault: write 0x02800000 (4 B), CPU 1 parked (inmate-demo)").contains("0x40a00000–0x40a00fff (4 KiB)");
    }

    @Test
    void aSecondRunIsComparedLineByLine() {
        Map<String, String> first = new LinkedHashMap<>(Map.of("console a", "[0.1] x\n[0.2] y\n"));
        assertThat(TranscriptLedger.record("f.feature:" + System.nanoTime(), first)).isEmpty();
        assertThat(TranscriptLedger.firstDifference(first, Map.of("console a", "[0.1] x\n[0.2] z\n")))
                .contains("console a line 2: run 1 \"[0.2] y\", run 2 \"[0.2] z\"");
        assertThat(TranscriptLedger.firstDifference(first, first)).isEqualTo(Optional.empty());
    }

    @Test
    void cpuListsReadAsLinuxPrintsThem() {
        java.util.BitSet s = new java.util.BitSet();
        s.set(0);
        s.set(2, 4);
        assertThat(CellTable.list(s)).isEqualTo("0,2-3");
    }
}
