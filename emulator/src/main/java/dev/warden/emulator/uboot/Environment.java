package dev.warden.emulator.uboot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** U-Boot's environment: variables, their expansion, and {@code env import -t} of uEnv.txt text. */
public final class Environment {

    private final Map<String, String> vars = new LinkedHashMap<>();

    public Optional<String> get(String name) {
        return Optional.ofNullable(vars.get(name));
    }

    public String getOrEmpty(String name) {
        return vars.getOrDefault(name, "");
    }

    public void set(String name, String value) {
        if (value == null || value.isEmpty()) vars.remove(name);
        else vars.put(name, value);
    }

    public Map<String, String> asMap() {
        return Map.copyOf(vars);
    }

    /**
     * Expands {@code $name} and {@code ${name}} and removes quotes (single quotes suppress expansion).
     */
    public String expand(String word) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (quote == '\'') {
                if (c == '\'') quote = 0;
                else out.append(c);
                continue;
            }
            if (c == '\'' && quote == 0) { quote = '\''; continue; }
            if (c == '"') { quote = quote == '"' ? 0 : '"'; continue; }
            if (c == '$' && i + 1 < word.length()) {
                int end;
                String name;
                if (word.charAt(i + 1) == '{') {
                    end = word.indexOf('}', i + 2);
                    if (end < 0) { out.append(c); continue; }
                    name = word.substring(i + 2, end);
                } else {
                    end = i + 1;
                    while (end < word.length() && (Character.isLetterOrDigit(word.charAt(end)) || word.charAt(end) == '_')) end++;
                    name = word.substring(i + 1, end);
                    end--;
                }
                out.append(getOrEmpty(name));
                i = end;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Splits an expanded unquoted value into words, as hush does for {@code for x in $list}. */
    public List<String> expandToWords(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            boolean quoted = w.startsWith("\"") || w.startsWith("'");
            String v = expand(w);
            if (quoted) {
                out.add(v);
            } else {
                for (String part : v.trim().split("[ \t]+")) if (!part.isEmpty()) out.add(part);
            }
        }
        return out;
    }

    /**
     * {@code env import -t}: one {@code name=value} per line, blank lines and {@code #} comments
     * skipped. U-Boot deletes the variable named by a line without {@code =} and carries on; so does
     * this model, and it returns a problem for each such line (file, line, what was expected), so a
     * scenario can say why an overlay was never applied.
     */
    public List<String> importText(String text, String fileName) {
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(fileName + ":" + (i + 1) + ": expected 'name=value', found '" + line
                        + "' (U-Boot ignores this line)");
                if (eq < 0) vars.remove(line.trim());
                continue;
            }
            String name = line.substring(0, eq);
            if (!name.equals(name.trim()) || name.contains(" ")) {
                problems.add(fileName + ":" + (i + 1) + ": variable name '" + name
                        + "' contains spaces; U-Boot stores it as written, so nothing will find it");
            }
            set(name, line.substring(eq + 1));
        }
        return problems;
    }
}
