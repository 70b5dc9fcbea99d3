package dev.warden.devicetree.print;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.devicetree.Fixtures;
import dev.warden.devicetree.blob.FdtBlob;
import org.junit.jupiter.api.Test;

/** U-Boot's fdt print / list format (cmd/fdt.c), checked on hand-worked examples. */
class UbootFdtPrinterTest {
    private static final FdtBlob SAMPLE =
            FdtBlob.load(Fixtures.bytes("dt-oracle/samples/value-types.dtb"), "value-types.dtb");

    @Test
    void printsANodeWithEveryValueShape() {
        String out = UbootFdtPrinter.print(SAMPLE, "/values", 0x88000000L);
        int longCells = SAMPLE.propDataIndex(SAMPLE.propertyOffset(SAMPLE.pathOffset("/values"), "long-cells"));
        assertThat(out).isEqualTo("values {\n"
                + "\tempty;\n"
                + "\tone-cell = <0x0000002a>;\n"
                + "\tzero-cell = <0x00000000>;\n"
                + "\tcells = <0x00000001 0x00000022 0x00000333 0xffffffff>;\n"
                + "\tbytes = [01 02 03];\n"
                + "\tfour-bytes = <0xdeadbeef>;\n"
                + "\tu16 = [12 34 56 78 9a bc];\n"
                + "\tu64 = <0x12345678 0x9abcdef0>;\n"
                + "\tempty-string = [00];\n"
                + "\tstrings = \"first\", \"second\", \"third\";\n"
                + "\tescapes = [74 61 62 09 68 65 72 65 00 71 75 6f 74 65 22 62 61 63 6b 5c 73 6c 61 73 68 00 6e 6c 0a 00];\n"
                + "\tmixed = [61 62 63 00 00 01];\n"
                + String.format("\tlong-cells = * 0x%016x [0x00000048];\n", 0x88000000L + longCells)
                + "\tlong-string = \"a string value that is longer than sixty-four bytes, to see how it prints\";\n"
                + "\thigh-byte = [80 ff 7f];\n"
                + "\tref = <0x00000001>;\n"
                + "\tphandle = <0x00000001>;\n"
                + "};\n");
    }

    @Test
    void listStopsAtDepthOne() {
        String out = UbootFdtPrinter.list(SAMPLE, "/child@1000", 0);
        assertThat(out).isEqualTo("child@1000 {\n"
                + "\treg = <0x00000000 0x00001000 0x00000000 0x00000100>;\n"
                + "\tstatus = \"okay\";\n"
                + "\tgrandchild {\n"
                + "\t};\n"
                + "};\n");
    }

    @Test
    void rootPrintsAsSlash() {
        assertThat(UbootFdtPrinter.print(SAMPLE, "/", 0)).startsWith("/ {\n\tmodel = \"Warden value types\";\n");
    }

    @Test
    void singlePropertyAndErrors() {
        assertThat(UbootFdtPrinter.printProperty(SAMPLE, "/child@1000", "status", 0)).isEqualTo("status = \"okay\"\n");
        assertThat(UbootFdtPrinter.printProperty(SAMPLE, "/values", "empty", 0)).isEqualTo("/values empty\n");
        assertThat(UbootFdtPrinter.printProperty(SAMPLE, "/values", "nope", 0))
                .isEqualTo("libfdt fdt_getprop(): FDT_ERR_NOTFOUND\n");
        assertThat(UbootFdtPrinter.print(SAMPLE, "/nope", 0))
                .isEqualTo("libfdt fdt_path_offset() returned FDT_ERR_NOTFOUND\n");
    }

    @Test
    void headerListsTheFieldsAsFdtHeaderDoes() {
        // the numbers are the ones fdtdump printed for this blob (dt-oracle golden)
        assertThat(UbootFdtPrinter.header(SAMPLE)).isEqualTo("magic:\t\t\t0xd00dfeed\n"
                + "totalsize:\t\t0x40c (1036)\n"
                + "off_dt_struct:\t\t0x58\n"
                + "off_dt_strings:\t\t0x34c\n"
                + "off_mem_rsvmap:\t\t0x28\n"
                + "version:\t\t17\n"
                + "last_comp_version:\t16\n"
                + "boot_cpuid_phys:\t0x0\n"
                + "size_dt_strings:\t0xc0\n"
                + "size_dt_struct:\t\t0x2f4\n"
                + "number mem_rsv:\t\t0x2\n"
                + "\n");
    }

    @Test
    void reservationTable() {
        assertThat(UbootFdtPrinter.reservations(SAMPLE)).isEqualTo("index\t\t   start\t\t    size\n"
                + "------------------------------------------------\n"
                + "    0\t000000009e800000\t0000000001800000\n"
                + "    1\t0000000088000000\t0000000000100000\n");
    }

    @Test
    void olderUbootResizeAddsAReservationForTheBlob() {
        // as in a published session: off_dt_struct 0x38 -> 0x48 and one mem_rsv after "fdt resize"
        FdtBlob blob = FdtBlob.load(Fixtures.bytes("k3-am654-idk/boot/dtb/ti/k3-am654-base-board.dtb"), "am654");
        assertThat(blob.offDtStruct()).isEqualTo(0x38);
        int size = blob.resize(0, 0x82000000L, true);
        String header = UbootFdtPrinter.header(blob);
        assertThat(header).contains("off_dt_struct:\t\t0x48\n").contains("number mem_rsv:\t\t0x1\n")
                .contains(String.format("totalsize:\t\t0x%x (%d)\n", size, size));
        assertThat(size % 0x1000).isZero();
        assertThat(blob.memRsv(0)).containsExactly(0x82000000L, (long) size);

        FdtBlob current = FdtBlob.load(Fixtures.bytes("k3-am654-idk/boot/dtb/ti/k3-am654-base-board.dtb"), "am654");
        current.resize(0, 0x82000000L);
        assertThat(current.numMemRsv()).as("current U-Boot only re-adds an existing reservation").isZero();
    }
}
