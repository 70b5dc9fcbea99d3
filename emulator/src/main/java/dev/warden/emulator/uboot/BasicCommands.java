package dev.warden.emulator.uboot;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The small commands board scripts lean on: echo, setenv, env, printenv, test, true, false. */
final class BasicCommands {

    private BasicCommands() {}

    static void register(Map<String, UBootCommand> commands) {
        commands.put("echo", (u, a) -> {
            u.print(String.join(" ", a.subList(1, a.size())) + "\n");
            return 0;
        });
        commands.put("setenv", BasicCommands::setenv);
        commands.put("printenv", (u, a) -> printenv(u, a.subList(1, a.size())));
        commands.put("env", BasicCommands::env);
        commands.put("test", BasicCommands::test);
        commands.put("true", (u, a) -> 0);
        commands.put("false", (u, a) -> 1);
        commands.put("source", (u, a) -> {
            u.print("## Error: no boot script at " + (a.size() > 1 ? a.get(1) : "?") + "\n");
            return 1;
        });
    }

    private static int setenv(UBoot u, List<String> a) {
        if (a.size() < 2) {
            u.print("Usage:\nsetenv - set environment variables\n");
            return 1;
        }
        u.environment().set(a.get(1), String.join(" ", a.subList(2, a.size())));
        return 0;
    }

    private static int printenv(UBoot u, List<String> names) {
        Map<String, String> vars = new TreeMap<>(u.environment().asMap());
        if (names.isEmpty()) {
            vars.forEach((k, v) -> u.print(k + "=" + v + "\n"));
            u.print("\nEnvironment size: " + vars.size() + " entries\n");
            return 0;
        }
        int rc = 0;
        for (String n : names) {
            if (vars.containsKey(n)) {
                u.print(n + "=" + vars.get(n) + "\n");
            } else {
                u.print("## Error: \"" + n + "\" not defined\n");
                rc = 1;
            }
        }
        return rc;
    }

    private static int env(UBoot u, List<String> a) {
        if (a.size() >= 2 && a.get(1).equals("print")) return printenv(u, a.subList(2, a.size()));
        if (a.size() >= 3 && a.get(1).equals("set")) return setenv(u, a.subList(1, a.size()));
        if (a.size() >= 4 && a.get(1).equals("import") && a.get(2).equals("-t")) {
            long addr = UBootSizes.parseHex(a.get(3));
            int size = a.size() > 4 ? (int) UBootSizes.parseHex(a.get(4)) : 0;
            byte[] bytes = GuestRam.read(u.board().bus(), addr, size);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int nul = text.indexOf('\0');
            if (nul >= 0) text = text.substring(0, nul);
            String source = u.environment().get("bootenvfile").orElse("imported text");
            u.importEnvironment(text, source);
            return 0;
        }
        u.print("Usage:\nenv - environment handling commands\n");
        return 1;
    }

    private static int test(UBoot u, List<String> a) {
        if (a.size() == 3 && a.get(1).equals("-n")) return a.get(2).isEmpty() ? 1 : 0;
        if (a.size() == 2 && a.get(1).equals("-n")) return 1; // "test -n $empty" expands to one word
        if (a.size() == 3 && a.get(1).equals("-z")) return a.get(2).isEmpty() ? 0 : 1;
        if (a.size() == 2 && a.get(1).equals("-z")) return 0;
        if (a.size() == 4 && a.get(2).equals("=")) return a.get(1).equals(a.get(3)) ? 0 : 1;
        if (a.size() == 4 && a.get(2).equals("!=")) return a.get(1).equals(a.get(3)) ? 1 : 0;
        return 1;
    }
}
