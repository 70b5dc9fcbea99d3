package dev.warden.rootcell.linux;

/**
 * A program the shell runs: a busybox applet, a shell builtin, or a tool such as {@code jailhouse}.
 * It reads its arguments and standard input from the {@link Invocation}, writes to its outputs and
 * returns its exit status.
 */
@FunctionalInterface
public interface Applet {

    int run(Invocation call);
}
