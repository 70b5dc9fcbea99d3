package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bad binaries are rejected with the file, the offset and what was expected. */
class DecodeErrorsTest {
    private static byte[] inmate() throws Exception {
        return Files.readAllBytes(RepoFiles.cells("qemu-arm64-virt").resolve("qemu-arm64-inmate-demo.cell"));
    }

    private static byte[] root() throws Exception {
        return Files.readAllBytes(RepoFiles.cells("k3-am654-idk").resolve("k3-am654-idk.cell"));
    }

    @Test
    void wrongSignature() {
        byte[] b = "HELLO WORLD, NOT A CELL".getBytes();
        assertThatThrownBy(() -> CellConfigs.decode(b, "x.cell")).isInstanceOf(ConfigFormatException.class)
                .hasMessage("x.cell: offset 0x0: not a Jailhouse configuration: signature is \"HELLO \", expected "
                        + "\"JHSYS\" (system) or \"JHCLL\" (cell), or \"JHSYST\"/\"JHCELL\" before revision 14");
    }

    @Test
    void unknownRevisionSaysWhichReleaseUsedIt() throws Exception {
        byte[] b = inmate();
        b[6] = 13;
        assertThatThrownBy(() -> CellConfigs.decode(b, "old.cell"))
                .hasMessageStartingWith("old.cell: offset 0x6: configuration revision 13 is not supported")
                .hasMessageContaining("never released")
                .hasMessageContaining("10 (v0.10, v0.11)");
        byte[] old = Arrays.copyOf(b, b.length);
        System.arraycopy("JHCELL".getBytes(), 0, old, 0, 6);
        old[6] = 11;
        assertThatThrownBy(() -> CellConfigs.decode(old, "old.cell")).hasMessageContaining("revision 11")
                .hasMessageContaining("July-August 2019");
    }

    @Test
    void anArchitectureTheFormatDoesNotDefine() throws Exception {
        byte[] b = inmate();
        b[5] = 9;
        assertThatThrownBy(() -> CellConfigs.decode(b, "odd.cell"))
                .hasMessage("odd.cell: offset 0x5: architecture is unknown (9), expected x86 (0), arm (1) or arm64 (2)");
    }

    @Test
    void truncatedArrayNamesTheElementAndOffset() throws Exception {
        byte[] b = Arrays.copyOf(root(), 488 + 8 + 3 * 32 + 12);
        assertThatThrownBy(() -> CellConfigs.decode(b, "k3-am654-idk.cell"))
                .hasMessage("k3-am654-idk.cell: offset 0x250: mem_regions[3] (num_memory_regions = 25) truncated: "
                        + "expected 32 bytes, 12 remain");
    }

    @Test
    void countRunningPastTheEnd() throws Exception {
        byte[] b = inmate();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(60, 0x10000);
        assertThatThrownBy(() -> CellConfigs.decode(b, "i.cell"))
                .hasMessageContaining("irqchips[")
                .hasMessageContaining("(num_irqchips = 65536) truncated");
    }

    @Test
    void truncatedHeader() {
        byte[] b = Arrays.copyOf("JHSYS\2\16\0".getBytes(), 100);
        assertThatThrownBy(() -> CellConfigs.decode(b, "s.cell"))
                .hasMessage("s.cell: offset 0x8: system configuration header (488 bytes in Jailhouse master "
                        + "(2023 onwards) layout) truncated: expected 480 bytes, 92 remain");
        assertThatThrownBy(() -> CellConfigs.decode(new byte[3], "tiny.cell"))
                .hasMessageContaining("tiny.cell: offset 0x0: file is 3 bytes");
    }

    @Test
    void nameWithoutNul() throws Exception {
        byte[] b = inmate();
        Arrays.fill(b, 8, 40, (byte) 'a');
        assertThatThrownBy(() -> CellConfigs.decode(b, "n.cell"))
                .hasMessage("n.cell: offset 0x8: cell name has no NUL terminator in its 32 bytes (at most 31 characters)");
    }

    @Test
    void trailingBytes() throws Exception {
        byte[] b = Arrays.copyOf(inmate(), 484 + 4);
        assertThatThrownBy(() -> CellConfigs.decode(b, "t.cell"))
                .hasMessage("t.cell: offset 0x1e4: 4 bytes follow the last array: the file is longer than its counts "
                        + "say (488 bytes, the counts describe 484)");
    }

    @Test
    void revision12MatchingNeitherLayout() throws Exception {
        JailhouseConfig cell = CellConfigs.read(RepoFiles.cells("qemu-arm64-virt").resolve("qemu-arm64-inmate-demo.cell"));
        byte[] v012 = CellConfigs.encode(ConfigConverter.convert(cell, ConfigFormat.REV12).config());
        byte[] cut = Arrays.copyOf(v012, v012.length - 3);
        assertThatThrownBy(() -> CellConfigs.decode(cut, "c.cell"))
                .hasMessageContaining("revision 12 in the Jailhouse v0.12 layout")
                .hasMessageContaining("TI's ti2019.x layout does not fit either");
    }
}
