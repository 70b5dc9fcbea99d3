package dev.warden.emulator.profile.derive;

import java.util.List;

/**
 * A board profile derived from a device tree: the YAML text to write (it loads with
 * {@link dev.warden.emulator.profile.BoardProfiles}), the TODOs it carries as comments, said
 * again here for the terminal, and what the derivation left out.
 */
public record DerivedProfile(String name, String yaml, List<String> todos, List<String> notes) {
    public DerivedProfile {
        todos = List.copyOf(todos);
        notes = List.copyOf(notes);
    }
}
