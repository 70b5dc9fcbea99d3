package dev.warden.emulator.run;

import dev.warden.emulator.bus.PhysicalBus;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Images are loaded as QEMU's -kernel loads them, and bad ones are refused with file, offset and rule. */
class ImageLoaderTest {

    private final PhysicalBus bus = new PhysicalBus();

    ImageLoaderTest() {
        bus.addRam("ram", 0x40000000L, 1 << 20);
    }

    /** An ELF64 AArch64 header with one PT_LOAD segment holding {@code data} at {@code paddr}, memsz bytes. */
    private static byte[] elf(long entry, long paddr, byte[] data, long memsz) {
        ByteBuffer b = ByteBuffer.allocate(64 + 56 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.position(16);
        b.putShort((short) 2).putShort((short) 183).putInt(1).putLong(entry).putLong(64).putLong(0);
        b.putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) 1);
        b.position(64);
        b.putInt(1).putInt(5).putLong(120).putLong(paddr).putLong(paddr).putLong(data.length).putLong(memsz).putLong(8);
        b.put(data);
        return b.array();
    }

    @Test
    void anElfGoesWhereItsProgramHeadersSayAndItsBssIsZeroed() {
        bus.write(0x40001004L, 4, 0xffffffffL);
        ImageLoader.LoadedImage loaded = ImageLoader.load("t.elf", elf(0x40001000L, 0x40001000L, new byte[] {1, 2, 3, 4}, 8), bus, 0x40080000L);
        assertThat(loaded.entry()).isEqualTo(0x40001000L);
        assertThat(loaded.elf()).isTrue();
        assertThat(bus.read(0x40001000L, 4)).isEqualTo(0x04030201L);
        assertThat(bus.read(0x40001004L, 4)).isZero();
    }

    @Test
    void anythingElseIsAFlatBinaryAtTheFlatLoadAddress() {
        ImageLoader.LoadedImage loaded = ImageLoader.load("t.bin", new byte[] {(byte) 0xaa, (byte) 0xbb}, bus, 0x40080000L);
        assertThat(loaded.entry()).isEqualTo(0x40080000L);
        assertThat(loaded.elf()).isFalse();
        assertThat(bus.read(0x40080000L, 2)).isEqualTo(0xbbaaL);
    }

    @Test
    void aSegmentOutsideRamIsRefused() {
        assertThatThrownBy(() -> ImageLoader.load("t.elf", elf(0, 0x400ff000L, new byte[4], 0x2000), bus, 0x40080000L))
                .hasMessage("t.elf: at offset 64: segment 0 [0x400ff000..0x40101000) does not fit in the board's RAM");
    }

    @Test
    void aTruncatedHeaderIsRefused() {
        assertThatThrownBy(() -> ImageLoader.load("t.elf", new byte[] {0x7f, 'E', 'L', 'F', 2, 1}, bus, 0x40080000L))
                .hasMessage("t.elf: at offset 0: expected an ELF header of 64 bytes, the file has 6");
    }

    @Test
    void aBigEndianElfIsRefused() {
        byte[] image = elf(0, 0x40001000L, new byte[4], 4);
        image[5] = 2;
        assertThatThrownBy(() -> ImageLoader.load("t.elf", image, bus, 0x40080000L))
                .hasMessage("t.elf: at offset 5: expected little-endian data (1), found 2");
    }
}
