package dev.warden.emulator.uboot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UBootSizesTest {

    /** The rounding of U-Boot's print_size: one decimal, rounded half up, dropped when zero. */
    @ParameterizedTest
    @CsvSource({
        "512, 512 Bytes",
        "1024, 1 KiB",
        "1536, 1.5 KiB",
        "1048063, 1023.5 KiB",
        "1048575, 1024 KiB",
        "4294967296, 4 GiB",
        "23488102, 22.4 MiB"})
    void printsSizesAsUBootDoes(long bytes, String expected) {
        assertThat(UBootSizes.size(bytes, "")).isEqualTo(expected);
    }
}
