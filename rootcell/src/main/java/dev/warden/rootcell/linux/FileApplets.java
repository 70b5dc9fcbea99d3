package dev.warden.rootcell.linux;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The applets that read and write whole files: cat, head, cp, dd. Files are opened through the
 * shell's working directory; a file named "-" or no file at all means standard input. Messages
 * and exit statuses are busybox's ("cat: can't open 'x': No such file or directory", status 1).
 */
final class FileApplets {

    private FileApplets() {}

    static void register(ShellInterpreter shell) {
        shell.register("cat", FileApplets::cat);
        shell.register("head", FileApplets::head);
        shell.register("cp", FileApplets::cp);
        shell.register("dd", FileApplets::dd);
    }

    // ---- cat ----

    static int cat(Invocation call) {
        Options o;
        try {
            o = Options.parse(call.operands(), "");
        } catch (Options.Error e) {
            return Usage.bad(call, e, "cat [-nbvteA] [FILE]...", "Print FILEs to stdout", 1);
        }
        List<String> files = o.operands().isEmpty() ? List.of("-") : o.operands();
        int status = 0;
        for (String f : files) {
            if (f.equals("-")) {
                call.out().write(call.stdin());
                continue;
            }
            String path = call.resolve(f);
            Optional<byte[]> content = call.fs().read(path);
            if (content.isPresent()) {
                call.out().write(content.get());
            } else if (call.fs().isDirectory(path)) {
                call.error("read error: " + FileError.EISDIR.strerror()); // open() works on a folder, read() does not
                status = 1;
            } else {
                call.error("can't open '" + f + "': " + FileError.ENOENT.strerror());
                status = 1;
            }
        }
        return status;
    }

    // ---- head ----

    static final String HEAD_USAGE = "head [OPTIONS] [FILE]...";
    static final String HEAD_SUMMARY = "Print first 10 lines of FILEs (or stdin).\n"
            + "With more than one FILE, precede each with a filename header.";

    /** head [-n N | -c N | -N] [-qv] [FILE]...; a negative N prints all but the last N lines or bytes. */
    static int head(Invocation call) {
        List<String> args = new ArrayList<>(call.operands());
        if (!args.isEmpty() && args.get(0).matches("-\\d+")) {
            args.set(0, "-n" + args.get(0).substring(1)); // the old style: head -1
        }
        Options o;
        try {
            o = Options.parse(args, "n:c:qv");
        } catch (Options.Error e) {
            return Usage.bad(call, e, HEAD_USAGE, HEAD_SUMMARY, 1);
        }
        boolean bytes = o.has('c') && (!o.has('n') || args.lastIndexOf("-n") < args.lastIndexOf("-c"));
        String count = bytes ? o.value('c') : o.has('n') ? o.value('n') : "10";
        boolean allBut = count.startsWith("-");
        long n = Sizes.parse(allBut ? count.substring(1) : count, Sizes.HEAD);
        if (n < 0) {
            call.error("invalid number '" + count + "'");
            return 1;
        }
        List<String> files = o.operands().isEmpty() ? List.of("-") : o.operands();
        boolean headers = o.has('v') || (files.size() > 1 && !o.has('q'));
        int status = 0;
        boolean first = true;
        for (String f : files) {
            byte[] content;
            if (f.equals("-")) {
                content = call.stdin();
            } else {
                Optional<byte[]> c = call.fs().read(call.resolve(f));
                if (c.isEmpty()) {
                    call.error(f + ": " + (call.fs().isDirectory(call.resolve(f)) ? FileError.EISDIR : FileError.ENOENT).strerror());
                    status = 1;
                    continue;
                }
                content = c.get();
            }
            if (headers) {
                call.out().print((first ? "" : "\n") + "==> " + (f.equals("-") ? "standard input" : f) + " <==\n");
            }
            first = false;
            call.out().write(bytes ? firstBytes(content, n, allBut) : firstLines(content, n, allBut));
        }
        return status;
    }

    private static byte[] firstBytes(byte[] content, long n, boolean allBut) {
        long keep = allBut ? Math.max(0, content.length - n) : Math.min(n, content.length);
        return Arrays.copyOf(content, (int) keep);
    }

    private static byte[] firstLines(byte[] content, long n, boolean allBut) {
        List<Integer> ends = new ArrayList<>(); // index after each line's newline (or the end)
        for (int i = 0; i < content.length; i++) if (content[i] == '\n') ends.add(i + 1);
        if (content.length > 0 && content[content.length - 1] != '\n') ends.add(content.length);
        long lines = allBut ? Math.max(0, ends.size() - n) : Math.min(n, ends.size());
        return Arrays.copyOf(content, lines == 0 ? 0 : ends.get((int) lines - 1));
    }

    // ---- cp ----

    static final String CP_USAGE = "cp [-arPLHpfinlsTu] SOURCE DEST\nor: cp [-arPLHpfinlsu] SOURCE... { -t DIRECTORY | DIRECTORY }";

    /** cp SOURCE DEST, or cp SOURCE... FOLDER: the bytes exactly; folders are not copied. */
    static int cp(Invocation call) {
        Options o;
        try {
            o = Options.parse(call.operands(), "fp");
        } catch (Options.Error e) {
            return Usage.bad(call, e, CP_USAGE, "Copy SOURCEs to DEST", 1);
        }
        List<String> ops = o.operands();
        if (ops.size() < 2) return Usage.show(call, CP_USAGE, "Copy SOURCEs to DEST", 1);
        String dest = ops.get(ops.size() - 1);
        String destPath = call.resolve(dest);
        boolean intoFolder = call.fs().isDirectory(destPath);
        int status = 0;
        for (String src : ops.subList(0, ops.size() - 1)) {
            String srcPath = call.resolve(src);
            Optional<byte[]> content = call.fs().read(srcPath);
            if (content.isEmpty()) {
                if (call.fs().isDirectory(srcPath)) {
                    call.error("omitting directory '" + src + "'");
                } else {
                    call.error("can't stat '" + src + "': " + FileError.ENOENT.strerror());
                }
                status = 1;
                continue;
            }
            if (!intoFolder && ops.size() > 2) {
                call.error("'" + dest + "' is not a directory");
                return 1;
            }
            String target = intoFolder ? destPath + "/" + srcPath.substring(srcPath.lastIndexOf('/') + 1) : destPath;
            String shown = intoFolder ? (dest.endsWith("/") ? dest : dest + "/") + srcPath.substring(srcPath.lastIndexOf('/') + 1) : dest;
            if (RootFs.normalize(target).equals(srcPath)) {
                call.error("'" + src + "' and '" + shown + "' are the same file");
                status = 1;
                continue;
            }
            boolean executable = call.fs().stat(srcPath).map(st -> st.mode().charAt(3) == 'x').orElse(false);
            Optional<FileError> refused = call.fs().write(target, content.get(), executable);
            if (refused.isPresent()) {
                call.error("can't create '" + shown + "': " + refused.get().strerror());
                status = 1;
            }
        }
        return status;
    }

    // ---- dd ----

    static final String DD_USAGE = "dd [if=FILE] [of=FILE] [ibs=N obs=N/bs=N] [count=N] [skip=N] [seek=N]\n"
            + "\t[conv=notrunc|noerror|sync|fsync]\n"
            + "\t[iflag=skip_bytes|count_bytes|fullblock|direct] [oflag=seek_bytes|append|direct]";
    static final String DD_SUMMARY = "Copy a file with converting and formatting";

    /**
     * dd with if=, of=, bs=/ibs=/obs=, count=, skip=, seek=, conv=notrunc,sync,noerror,fsync and
     * status=none|noxfer. Without conv=notrunc the output file ends where the copy ends. The record
     * counts go to standard error as the rig's busybox prints them (no transfer-rate line).
     */
    static int dd(Invocation call) {
        String in = null;
        String out = null;
        long ibs = 512;
        long obs = 512;
        long count = -1;
        long skip = 0;
        long seek = 0;
        boolean notrunc = false;
        boolean sync = false;
        boolean quiet = false;
        for (String op : call.operands()) {
            int eq = op.indexOf('=');
            if (eq < 0) return Usage.show(call, DD_USAGE, DD_SUMMARY, 1);
            String key = op.substring(0, eq);
            String value = op.substring(eq + 1);
            switch (key) {
                case "if" -> in = value;
                case "of" -> out = value;
                case "conv" -> {
                    for (String c : value.split(",")) {
                        switch (c) {
                            case "notrunc" -> notrunc = true;
                            case "sync" -> sync = true;
                            case "noerror", "fsync" -> { } // reads and writes never fail half-way here
                            default -> {
                                call.error("invalid argument '" + c + "' to 'conv'");
                                return 1;
                            }
                        }
                    }
                }
                case "status" -> {
                    if (value.equals("none")) quiet = true;
                    else if (!value.equals("noxfer")) {
                        call.error("invalid argument '" + value + "' to 'status'");
                        return 1;
                    }
                }
                case "bs", "ibs", "obs", "count", "skip", "seek" -> {
                    long v = Sizes.parse(value, Sizes.DD);
                    if (v < 0) {
                        call.error("invalid number '" + value + "'");
                        return 1;
                    }
                    if (v == 0 && key.endsWith("bs")) {
                        call.error("number 0 is not in 1..9223372036854775807 range");
                        return 1;
                    }
                    switch (key) {
                        case "bs" -> {
                            ibs = v;
                            obs = v;
                        }
                        case "ibs" -> ibs = v;
                        case "obs" -> obs = v;
                        case "count" -> count = v;
                        case "skip" -> skip = v;
                        default -> seek = v;
                    }
                }
                default -> {
                    return Usage.show(call, DD_USAGE, DD_SUMMARY, 1);
                }
            }
        }
        byte[] input;
        if (in == null) {
            input = call.stdin();
        } else {
            Optional<byte[]> c = call.fs().read(call.resolve(in));
            if (c.isEmpty()) {
                call.error("can't open '" + in + "': " + FileError.ENOENT.strerror());
                return 1;
            }
            input = c.get();
        }
        String outPath = out == null ? null : call.resolve(out);
        if (outPath != null) {
            Optional<FileError> refused = call.fs().openForWriting(outPath);
            if (refused.isPresent()) {
                call.error("can't open '" + out + "': " + refused.get().strerror());
                return 1;
            }
        }
        // read: whole input blocks and a last partial one, after skipping
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        long fullIn = 0;
        long partialIn = 0;
        long at = skip > input.length / ibs ? input.length : skip * ibs; // no overflow: skip * ibs <= length
        while (at < input.length && (count < 0 || fullIn + partialIn < count)) {
            int n = (int) Math.min(ibs, input.length - at);
            data.write(input, (int) at, n);
            if (n == ibs) fullIn++;
            else {
                partialIn++;
                if (sync) data.write(new byte[(int) (ibs - n)], 0, (int) (ibs - n));
            }
            at += n;
        }
        byte[] copied = data.toByteArray();
        long fullOut = copied.length / obs;
        long partialOut = copied.length % obs == 0 ? 0 : 1;
        int status = 0;
        if (outPath == null) {
            call.out().write(copied);
        } else {
            Optional<FileError> failed = call.fs().write(outPath, place(call.fs().read(outPath).orElse(new byte[0]),
                    seek * obs, copied, notrunc));
            if (failed.isPresent()) {
                call.error("error writing '" + out + "': " + failed.get().strerror());
                fullOut = 0;
                partialOut = 0;
                status = 1;
            }
        }
        if (!quiet || status != 0) {
            call.err().print(fullIn + "+" + partialIn + " records in\n" + fullOut + "+" + partialOut + " records out\n");
        }
        return status;
    }

    /** The output file after writing {@code data} at {@code offset}: zero-filled up to it, cut after it unless notrunc. */
    static byte[] place(byte[] old, long offset, byte[] data, boolean notrunc) {
        long end = offset + data.length;
        long size = notrunc ? Math.max(old.length, end) : end;
        byte[] result = new byte[(int) size];
        System.arraycopy(old, 0, result, 0, (int) Math.min(old.length, notrunc ? old.length : offset));
        System.arraycopy(data, 0, result, (int) offset, data.length);
        return result;
    }
}
