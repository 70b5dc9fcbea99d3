package dev.warden.hardening.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.warden.config.CellConfig;
import dev.warden.config.CellConfigs;
import dev.warden.config.ConfigConverter;
import dev.warden.config.ConfigFormat;
import dev.warden.config.ConfigFormatException;
import dev.warden.config.ConfigYaml;
import dev.warden.config.JailhouseConfig;
import dev.warden.config.SystemConfig;
import dev.warden.config.check.ConfigChecker;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Binary {@code .cell} files of every revision (10, 12, TI's fork, 14): decoding either fails with a
 * {@link ConfigFormatException} naming the file and offset, or gives a configuration that encodes
 * back to the same bytes, survives its YAML form, converts to every other revision and can be
 * checked.
 */
class CellBinaryFuzzTest {
    private static final String NAME = "fuzz.cell";

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void decodeEncodeConvertCheck(byte[] data) {
        JailhouseConfig config;
        try {
            config = CellConfigs.decode(data, NAME);
        } catch (ConfigFormatException e) {
            CleanErrors.requireNamed(e, NAME + ": ");
            return;
        }
        byte[] again = CellConfigs.encode(config);
        if (!Arrays.equals(again, data)) {
            throw new AssertionError("decode then encode changed the file (" + data.length + " -> " + again.length + " bytes)");
        }
        String yaml = ConfigYaml.write(config);
        CleanErrors.requireProportional(yaml.length(), data.length, 64, "the YAML form");
        JailhouseConfig fromYaml = ConfigYaml.parse(yaml, "fuzz.yaml");
        byte[] viaYaml = CellConfigs.encode(fromYaml);
        int diff = Arrays.mismatch(viaYaml, data);
        if (diff >= 0) {
            throw new AssertionError(String.format("the YAML form does not encode back to the same file: offset 0x%x is 0x%02x, "
                    + "was 0x%02x (%d bytes, was %d)%n%s", diff, diff < viaYaml.length ? viaYaml[diff] : -1,
                    diff < data.length ? data[diff] : -1, viaYaml.length, data.length, yaml));
        }
        for (ConfigFormat target : ConfigFormat.values()) {
            try {
                JailhouseConfig converted = ConfigConverter.convert(config, target).config();
                CellConfigs.encode(converted);
            } catch (ConfigFormatException e) {
                CleanErrors.requireMessage(e);
            }
        }
        JailhouseConfig rev14 = ConfigConverter.toRevision14(config);
        if (rev14 instanceof SystemConfig system) {
            ConfigChecker.check(system, List.of(), Optional.empty());
        } else {
            ConfigChecker.check(Seeds.qemuSystem(), List.of((CellConfig) rev14), Optional.empty());
        }
    }
}
