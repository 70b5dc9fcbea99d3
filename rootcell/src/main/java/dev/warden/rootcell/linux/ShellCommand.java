package dev.warden.rootcell.linux;

import java.util.List;

/** A program the root-cell shell can run; it writes to the terminal and returns its exit code. */
@FunctionalInterface
public interface ShellCommand {

    int run(List<String> args, Shell.Terminal terminal);
}
