package dev.warden.config.create;

import dev.warden.config.CellConfig;
import dev.warden.config.SystemConfig;
import java.util.List;
import java.util.Optional;

/**
 * What config create writes: the root cell (configuration and its commented YAML) and, when the
 * board has RAM and a CPU to spare, an inmate-cell template for the devices the overlay took away
 * from Linux; plus the notes for the terminal (what it chose that you should check, what it left out).
 */
public record CreatedConfigs(SystemConfig root, String rootYaml, Optional<CellConfig> inmate, Optional<String> inmateYaml,
                             List<String> notes) {
    public CreatedConfigs {
        notes = List.copyOf(notes);
    }
}
