package dev.warden.rootcell.linux;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * busybox hexdump -C [FILE]...: the files (standard input without files) as one stream, 16 bytes a
 * line: the offset, the bytes in hex in two groups of eight, the printable characters between bars.
 * A line equal to the one before is shown once as "*"; the last line gives the length. An empty
 * input prints nothing.
 */
final class HexdumpApplet {

    static final String USAGE = "hexdump [-bcdoxCv] [-e FMT] [-f FMT_FILE] [-n LENGTH] [-s OFFSET] [FILE]...";

    private HexdumpApplet() {}

    static void register(ShellInterpreter shell) {
        shell.register("hexdump", HexdumpApplet::hexdump);
    }

    static int hexdump(Invocation call) {
        Options o;
        try {
            o = Options.parse(call.operands(), "C");
        } catch (Options.Error e) {
            return Usage.bad(call, e, USAGE, "Display FILEs (or stdin) in a user specified format", 1);
        }
        if (!o.has('C')) {
            // busybox's default od-like format is not modeled; -C is what a user types
            return Usage.show(call, USAGE, "Display FILEs (or stdin) in a user specified format", 1);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int status = 0;
        List<String> files = o.operands();
        if (files.isEmpty()) all.writeBytes(call.stdin());
        for (String f : files) {
            Optional<byte[]> content = call.fs().read(call.resolve(f));
            if (content.isEmpty()) {
                call.error(f + ": " + FileError.ENOENT.strerror());
                status = 1;
                continue;
            }
            all.writeBytes(content.get());
        }
        call.out().print(canonical(all.toByteArray()));
        return status;
    }

    /** The -C ("canonical") form of {@code b}. */
    static String canonical(byte[] b) {
        if (b.length == 0) return "";
        StringBuilder sb = new StringBuilder();
        byte[] previous = null;
        boolean squeezing = false;
        for (int off = 0; off < b.length; off += 16) {
            byte[] line = Arrays.copyOfRange(b, off, Math.min(b.length, off + 16));
            if (previous != null && line.length == 16 && Arrays.equals(line, previous)) {
                if (!squeezing) sb.append("*\n");
                squeezing = true;
                continue;
            }
            squeezing = false;
            previous = line;
            sb.append(String.format("%08x ", off));
            StringBuilder ascii = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                if (i == 8) sb.append(' ');
                if (i < line.length) {
                    int v = line[i] & 0xff;
                    sb.append(String.format(" %02x", v));
                    ascii.append(v >= 0x20 && v < 0x7f ? (char) v : '.');
                } else {
                    sb.append("   ");
                }
            }
            sb.append("  |").append(ascii).append("|\n");
        }
        sb.append(String.format("%08x\n", b.length));
        return sb.toString();
    }
}
