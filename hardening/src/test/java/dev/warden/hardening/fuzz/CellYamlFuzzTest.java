package dev.warden.hardening.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.warden.config.CellConfigs;
import dev.warden.config.ConfigFormatException;
import dev.warden.config.ConfigYaml;
import dev.warden.config.JailhouseConfig;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * YAML cells ({@code warden config encode}): text either fails with a {@link ConfigFormatException}
 * naming the file and the line, or is a configuration whose binary form decodes to the same
 * configuration and whose YAML form reads back to the same binary.
 */
class CellYamlFuzzTest {
    private static final String NAME = "fuzz.yaml";

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void parseEncode(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        JailhouseConfig config;
        try {
            config = ConfigYaml.parse(text, NAME);
        } catch (ConfigFormatException e) {
            CleanErrors.requireNamed(e, NAME + ":");
            return;
        }
        byte[] binary;
        try {
            binary = CellConfigs.encode(config);
        } catch (ConfigFormatException e) {
            // a value the layout cannot hold is the encoder's clear error
            CleanErrors.requireMessage(e);
            return;
        }
        CleanErrors.requireProportional(binary.length, data.length, 64, "the binary form");
        JailhouseConfig decoded = CellConfigs.decode(binary, "fuzz.cell");
        if (!Arrays.equals(CellConfigs.encode(decoded), binary)) {
            throw new AssertionError("the encoded YAML cell does not decode to itself");
        }
        JailhouseConfig again = ConfigYaml.parse(ConfigYaml.write(decoded), "again.yaml");
        if (!Arrays.equals(CellConfigs.encode(again), binary)) {
            throw new AssertionError("the YAML written for the configuration does not read back to it");
        }
    }
}
