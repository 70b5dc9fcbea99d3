package dev.warden.rootcell.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writable layer of the root file system: what may be written where, and that bytes stay exact. */
class WritableRootFsTest {

    private final ShellHarness sh = new ShellHarness();

    @Test
    void everyByteValueSurvivesAWriteAndARead() {
        byte[] all = new byte[512];
        for (int i = 0; i < all.length; i++) all[i] = (byte) (i * 7);
        for (String dir : new String[] {"/tmp", "/root", "/home/root"}) {
            assertThat(sh.fs().write(dir + "/f.bin", all)).isEmpty();
            assertThat(sh.file(dir + "/f.bin")).isEqualTo(all);
        }
        all[0] = 42; // the caller's array is not the stored file
        assertThat(sh.file("/tmp/f.bin")[0]).isZero();
    }

    @Test
    void writableFoldersExistEmptyAndListWhatIsWritten() {
        assertThat(sh.fs().list("/tmp")).contains(java.util.List.of());
        assertThat(sh.fs().list("/")).get().asList().contains("root", "tmp", "home");
        sh.fs().write("/tmp/b", new byte[0]);
        sh.fs().write("/tmp/a", new byte[0]);
        assertThat(sh.fs().list("/tmp")).contains(java.util.List.of("a", "b"));
    }

    @Test
    void whereWritingFails(@TempDir Path host) throws Exception {
        Files.writeString(host.resolve("qemu-arm64.cell"), "cfg");
        sh.fs().mount("/usr/share/jailhouse/cells", host);
        RootFs fs = sh.fs();
        assertThat(fs.write("/usr/share/jailhouse/cells/qemu-arm64.cell", new byte[1])).contains(FileError.EROFS);
        assertThat(fs.write("/usr/share/jailhouse/cells/other.cell", new byte[1])).contains(FileError.EROFS);
        assertThat(fs.write("/nonexistent/x", new byte[1])).contains(FileError.ENOENT);
        fs.write("/tmp/file", new byte[1]);
        assertThat(fs.write("/tmp/file/x", new byte[1])).contains(FileError.ENOTDIR);
        assertThat(fs.write("/tmp", new byte[1])).contains(FileError.EISDIR);
        assertThat(fs.write("/proc/cpuinfo", new byte[1])).contains(FileError.EIO);
        assertThat(fs.write("/proc/nope", new byte[1])).contains(FileError.ENOENT);
        assertThat(fs.write("/sys/devices/system/cpu/online", new byte[1])).contains(FileError.EACCES);
        assertThat(fs.write("/dev/null", new byte[1])).isEmpty();
        assertThat(fs.read("/dev/null")).get().isEqualTo(new byte[0]);
        assertThat(Files.readString(host.resolve("qemu-arm64.cell"))).isEqualTo("cfg");
    }

    @Test
    void aWrittenFileHidesAPublishedOneAndSurvivesHide() {
        sh.fs().putBytes("/home/root/probe.bin", new byte[] {1});
        sh.fs().write("/home/root/probe.bin", new byte[] {2});
        assertThat(sh.file("/home/root/probe.bin")).containsExactly(2);
        sh.fs().hide("/lib/firmware/jailhouse.bin");
        sh.fs().write("/tmp/jailhouse.bin", new byte[] {3});
        assertThat(sh.fs().read("/lib/firmware/jailhouse.bin")).isEmpty();
    }

    @Test
    void statGivesModeSizeAndTheBoardTimeOfTheWrite() {
        sh.board.runFor(61_000_000_000L);
        sh.fs().write("/tmp/x", new byte[100]);
        RootFs.FileStat st = sh.fs().stat("/tmp/x").orElseThrow();
        assertThat(st.mode()).isEqualTo("-rw-r--r--");
        assertThat(st.size()).isEqualTo(100);
        assertThat(st.modifiedNanos()).isEqualTo(61_000_000_000L);
        assertThat(LsApplet.date(st.modifiedNanos(), sh.board.clock().now())).isEqualTo("Jan  1 00:01");
        assertThat(sh.fs().stat("/tmp").orElseThrow().directory()).isTrue();
        assertThat(sh.fs().stat("/nothing")).isEmpty();
    }
}
