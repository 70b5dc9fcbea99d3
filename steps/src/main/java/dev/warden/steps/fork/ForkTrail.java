package dev.warden.steps.fork;

import dev.warden.lab.BootInputs;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where one scenario's board is on the chain of fork points: the key of its state, as long as the
 * state is a pure function of the key. A key starts with the digest of everything power-on reads
 * ({@link BootInputs}) and the step that powered on, and grows by each fork-point step after it
 * (with the content of any project file the step names). Any other use of the board (a command,
 * a Then-step that lets virtual time pass) breaks the chain for the rest of the scenario: its state
 * then depends on more than the key says. A wrong hit would be worse than a miss.
 */
public final class ForkTrail {

    private String key;
    private boolean broken;

    /**
     * The key the board will be at after {@code step}, or empty when the step cannot be a fork point
     * here (the chain is broken, a step other than power-on comes first, or the inputs cannot be read).
     */
    public Optional<String> next(String step, boolean powersOn, Supplier<String> bootInputs) {
        if (broken) return Optional.empty();
        if (key == null) {
            if (!powersOn) return breakChain();
            try {
                return Optional.of(BootInputs.sha256(bootInputs.get() + "\n" + step));
            } catch (RuntimeException e) {
                return breakChain(); // the step itself reports the problem (an unknown board, a missing folder)
            }
        }
        if (powersOn) return breakChain();
        return Optional.of(BootInputs.sha256(key + "\n" + step));
    }

    /** The board reached {@code next}'s key (by running the step, or from its snapshot). */
    public void arrive(String next) {
        key = next;
    }

    /** The board was used outside a fork point: its state is no longer named by a key. */
    public void leave() {
        broken = true;
    }

    public boolean powered() {
        return key != null;
    }

    private Optional<String> breakChain() {
        broken = true;
        return Optional.empty();
    }
}
