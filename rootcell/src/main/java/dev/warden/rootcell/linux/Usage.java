package dev.warden.rootcell.linux;

/**
 * busybox's answer to a command line it cannot take: the applet's complaint, then its banner and
 * usage line on standard error, and exit status 1 (grep: 2). The help text is shortened to the
 * usage line and its summary.
 */
final class Usage {

    /** The busybox of the reference rig's root file system (Debian 12's busybox-static). */
    static final String BANNER = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.";

    private Usage() {}

    /** Prints the banner and usage of the applet; returns {@code status} for the caller to return. */
    static int show(Invocation call, String usage, String summary, int status) {
        call.err().print(BANNER + "\n\nUsage: " + usage + "\n\n" + summary + "\n");
        return status;
    }

    /** getopt's complaint, then the usage. */
    static int bad(Invocation call, Options.Error e, String usage, String summary, int status) {
        call.error(e.getMessage());
        return show(call, usage, summary, status);
    }
}
