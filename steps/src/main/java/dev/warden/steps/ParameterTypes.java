package dev.warden.steps;

import dev.warden.emulator.board.ConsoleRole;
import io.cucumber.java.ParameterType;

/** Step parameters in the words of the domain: consoles by role, virtual durations with units. */
public class ParameterTypes {

    @ParameterType("primary|secondary|hypervisor|root cell|inmate")
    public ConsoleRole console(String text) {
        return ConsoleRole.parse(text);
    }

    /** A span of virtual time: "10 ms", "2 s", "500 us", "1.5 s". */
    @ParameterType("(\\d+(?:\\.\\d+)?) ?(ns|us|µs|ms|s)")
    public Long duration(String amount, String unit) {
        double n = Double.parseDouble(amount);
        double factor = switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            default -> 1e9;
        };
        return Math.round(n * factor);
    }
}
