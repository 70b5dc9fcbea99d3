package dev.warden.rootcell.linux;

import java.util.List;

/**
 * The builtins of sh itself that change or report the shell's own state: cd, pwd, set, true, false.
 * (echo and printf, builtins too, are in {@link PrintCommands}; sh in {@link ShellInterpreter}.)
 */
final class ShellBuiltins {

    private ShellBuiltins() {}

    static void register(ShellInterpreter shell) {
        shell.register("cd", ShellBuiltins::cd);
        shell.register("pwd", call -> {
            call.out().print(call.shell().cwd() + "\n");
            return 0;
        });
        shell.register("true", call -> 0);
        shell.register("false", call -> 1);
        shell.register("set", ShellBuiltins::set);
    }

    /** cd [DIR]: to root's home without a folder; sh's message and status 2 when it cannot. */
    static int cd(Invocation call) {
        ShellInterpreter shell = call.shell();
        List<String> operands = call.operands();
        String given = operands.isEmpty() ? shell.home() : operands.get(0);
        String dir = call.resolve(given);
        if (!call.fs().isDirectory(dir)) {
            String why = call.fs().read(dir).isPresent() ? FileError.ENOTDIR.strerror() : FileError.ENOENT.strerror();
            call.err().print(ShellInterpreter.SH + ": cd: can't cd to " + given + ": " + why + "\n");
            return 2;
        }
        shell.cwd(dir);
        return 0;
    }

    /** set -e / set +e: stop a script at the first command that fails (or no longer). Other flags are accepted. */
    static int set(Invocation call) {
        for (String a : call.operands()) {
            if ((a.startsWith("-") || a.startsWith("+")) && a.indexOf('e') > 0) call.frame().errexit = a.startsWith("-");
        }
        return 0;
    }
}
