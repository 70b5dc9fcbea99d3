package dev.warden.lab.oracle;

import java.util.List;
import java.util.regex.Pattern;

/** The lines the hypervisor prints on its console (jailhouse-facts §3), to tell them from a guest's. */
final class HypervisorLines {

    private static final List<Pattern> LINES = List.of(
            Pattern.compile("^$"),
            Pattern.compile("^Initializing Jailhouse hypervisor .*"),
            Pattern.compile("^Code location: .*"),
            Pattern.compile("^Page pool usage after .*"),
            Pattern.compile("^Initializing processors:$"),
            Pattern.compile("^ CPU \\d+\\.\\.\\. (OK|FAILED)$"),
            Pattern.compile("^Initializing unit: .*"),
            Pattern.compile("^Adding (virtual )?PCI device .*"),
            Pattern.compile("^Shared memory connection established.*"),
            Pattern.compile("^ \".*\"$"),
            Pattern.compile("^Activating hypervisor$"),
            Pattern.compile("^Created cell \".*\"$"),
            Pattern.compile("^Cell \".*\" can be loaded$"),
            Pattern.compile("^Started cell \".*\"$"),
            Pattern.compile("^Closing cell \".*\"$"),
            Pattern.compile("^Shutting down hypervisor$"),
            Pattern.compile("^ Releasing CPU \\d+$"),
            Pattern.compile("^Unhandled .*"),
            Pattern.compile("^FATAL: .*"),
            Pattern.compile("^Cell state before exception:$"),
            Pattern.compile("^ ?(pc|sp): .*"),
            Pattern.compile("^ ?x\\d+: .*"),
            Pattern.compile("^Parking CPU \\d+ \\(Cell: \".*\"\\)$"),
            Pattern.compile("^Timeout expired while waiting for reply from target cell$"));

    private HypervisorLines() {}

    static boolean isHypervisorLine(String line) {
        for (Pattern p : LINES) if (p.matcher(line).matches()) return true;
        return false;
    }
}
