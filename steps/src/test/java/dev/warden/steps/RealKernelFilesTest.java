package dev.warden.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "the Linux inmate is the real kernel" without the fetched kernel fails with one message saying what to run. */
class RealKernelFilesTest {

    @Test
    void aMissingKernelNamesTheFetchScript(@TempDir Path empty) {
        assertThatThrownBy(() -> RealKernelFiles.read("the Linux inmate is the real kernel", empty, "Image"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("step 'the Linux inmate is the real kernel': the real kernel is not in " + empty
                        + " (no Image): run firmware-fixtures/linux/real/fetch-debian-kernel.sh first, or run the scenario"
                        + " without this step to boot the modeled Linux inmate");
    }

    @Test
    void aFetchedFileIsReadAsItIs(@TempDir Path cache) throws Exception {
        Files.write(cache.resolve("initramfs.cpio.gz"), new byte[] {0x1f, (byte) 0x8b, 8});
        assertThat(RealKernelFiles.read("s", cache, "initramfs.cpio.gz")).containsExactly(0x1f, 0x8b, 8);
    }
}
