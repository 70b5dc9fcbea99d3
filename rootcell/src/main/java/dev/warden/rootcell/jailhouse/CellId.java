package dev.warden.rootcell.jailhouse;

/**
 * How the tool names a cell: {@code ID | [--name] NAME}. A word that strtoll(base 0) parses
 * completely to a number >= 0 is an ID; anything else is a name (31 characters at most).
 */
public record CellId(int id, String name) {

    public static CellId parse(String word) {
        try {
            long v = Long.decode(word.startsWith("0") && word.length() > 1 && !word.startsWith("0x") ? "0" + word.substring(1) : word);
            if (v >= 0 && v <= Integer.MAX_VALUE) return new CellId((int) v, null);
        } catch (NumberFormatException e) {
            // a name
        }
        return byName(word);
    }

    public static CellId byName(String name) {
        return new CellId(-1, name.length() > 31 ? name.substring(0, 31) : name);
    }

    /** The driver's rule: the id matches, or no id was given and the name matches. */
    public boolean matches(DriverCell cell) {
        return id >= 0 ? cell.id() == id : cell.name().equals(name);
    }

    @Override
    public String toString() {
        return id >= 0 ? Integer.toString(id) : "\"" + name + "\"";
    }
}
