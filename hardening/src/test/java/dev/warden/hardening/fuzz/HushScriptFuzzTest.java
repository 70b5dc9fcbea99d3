package dev.warden.hardening.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.warden.emulator.uboot.Environment;
import dev.warden.emulator.uboot.HushScript;
import dev.warden.emulator.uboot.UBootSyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * uEnv.txt as U-Boot's {@code env import -t} reads it, and every value in it as a hush script
 * ({@code run VAR}): importing never fails (bad lines are notes naming the file and line), parsing
 * fails only with U-Boot's {@code syntax error}, and expanding a word terminates.
 */
class HushScriptFuzzTest {

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void importParseExpand(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Environment env = new Environment();
        for (String note : env.importText(text, "uEnv.txt")) {
            if (!note.startsWith("uEnv.txt:")) throw new AssertionError("a note that names no line: " + note);
        }
        CleanErrors.requireProportional(env.asMap().toString().length(), data.length, 4, "the environment");
        for (String value : env.asMap().values()) {
            try {
                HushScript.parse(value);
            } catch (UBootSyntaxException e) {
                if (!e.getMessage().startsWith("syntax error: ")) throw new AssertionError("not U-Boot's message: " + e, e);
            }
            String expanded = env.expand(value);
            CleanErrors.requireProportional(expanded.length(), data.length, 64, "an expanded word");
        }
        try {
            HushScript.parse(text);
        } catch (UBootSyntaxException e) {
            if (!e.getMessage().startsWith("syntax error: ")) throw new AssertionError("not U-Boot's message: " + e, e);
        }
    }
}
