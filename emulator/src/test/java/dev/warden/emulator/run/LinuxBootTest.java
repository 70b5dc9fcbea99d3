package dev.warden.emulator.run;

import dev.warden.devicetree.blob.FdtBlob;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where run-image puts a Linux Image, its initramfs and tree: where QEMU 7.2 put them for the
 * same command line (read from QEMU's boot stub at 0x40000000: x0 = 0x48200000, entry 0x40200000,
 * for a 256 MiB machine and a 1 MB initramfs), and the console script that logs in.
 */
class LinuxBootTest {

    private static final Path TREE = Path.of("..", "firmware-fixtures", "linux", "real", "qemu-virt-a53.dtb");

    private static byte[] image(long textOffset, long imageSize) {
        byte[] header = new byte[4096];
        for (int i = 0; i < 8; i++) {
            header[8 + i] = (byte) (textOffset >>> (8 * i));
            header[16 + i] = (byte) (imageSize >>> (8 * i));
        }
        header[0x38] = 'A';
        header[0x39] = 'R';
        header[0x3a] = 'M';
        header[0x3b] = 0x64;
        return header;
    }

    @Test
    void imageInitramfsAndTreeGoWhereQemuPutsThem() throws IOException {
        BareMetalMachine m = new BareMetalMachine(256L << 20, false);
        byte[] initrd = new byte[1_013_472];
        LinuxBoot.Placement p = m.bootLinux(image(0, 0x2010000), Files.readAllBytes(TREE), initrd, "console=ttyAMA0");
        assertThat(p.entry()).isEqualTo(0x40200000L);
        assertThat(p.initrdStart()).isEqualTo(0x48000000L);
        assertThat(p.dtbAddress()).isEqualTo(0x48200000L);
        assertThat(m.cpu().pc()).isEqualTo(0x40200000L);
        assertThat(m.cpu().x(0)).isEqualTo(0x48200000L);
        FdtBlob tree = FdtBlob.load(m.ram().copyOut(p.dtbAddress(), p.dtbSize()), "placed");
        int chosen = tree.pathOffset("/chosen");
        assertThat(new String(tree.getProp(chosen, "bootargs"))).isEqualTo("console=ttyAMA0\0");
        assertThat(tree.getProp(chosen, "linux,initrd-start")).containsExactly(0, 0, 0, 0, 0x48, 0, 0, 0);
        assertThat(tree.getProp(chosen, "linux,initrd-end")).containsExactly(0, 0, 0, 0, 0x48, 0x0f, 0x76, (byte) 0xe0);
        assertThat(tree.totalSize()).as("QEMU's room: twice the file plus 10000 bytes").isEqualTo((Files.size(TREE) + 10000) * 2);
    }

    @Test
    void aSmallMachinePutsTheInitramfsAtHalfItsRam() throws IOException {
        BareMetalMachine m = new BareMetalMachine(128L << 20, false);
        LinuxBoot.Placement p = m.bootLinux(image(0, 0x100000), Files.readAllBytes(TREE), new byte[10], null);
        assertThat(p.initrdStart()).isEqualTo(0x44000000L);
        assertThat(p.dtbAddress()).isEqualTo(0x44200000L);
    }

    @Test
    void notAnImageIsRefused() {
        assertThatThrownBy(() -> new BareMetalMachine().bootLinux(new byte[64], Files.readAllBytes(TREE), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an arm64 Linux Image");
    }

    @Test
    void theConsoleScriptTypesAfterEachTextAndStopsAtTheLast() {
        List<String> typed = new ArrayList<>();
        boolean[] stopped = {false};
        ConsoleScript s = new ConsoleScript(typed::add, () -> stopped[0] = true)
                .typeAfter("login: ", "root\r").typeAfter("# ", "mount\r").stopAt("# ");
        for (char c : "x login: ".toCharArray()) s.onByte(c);
        assertThat(typed).containsExactly("root\r");
        for (char c : "root\r\n~ # ".toCharArray()) s.onByte(c);
        assertThat(typed).containsExactly("root\r", "mount\r");
        assertThat(stopped[0]).isFalse();
        for (char c : "mount\r\nproc on /proc\r\n~ # ".toCharArray()) s.onByte(c);
        assertThat(stopped[0]).isTrue();
        assertThat(s.finished()).isTrue();
    }
}
