package dev.warden.rootcell.linux;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Where a program's standard output or error goes: the terminal, a pipe, a file. Bytes, not text. */
@FunctionalInterface
public interface Output {

    void write(byte[] bytes);

    /** Text as the board's programs write it: one byte per character (ISO-8859-1). */
    default void print(String text) {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An output that keeps what is written, for a pipe or a redirection into a file. */
    final class Buffer implements Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(byte[] b) {
            bytes.writeBytes(b);
        }

        public byte[] bytes() { return bytes.toByteArray(); }

        public String text() { return bytes.toString(StandardCharsets.ISO_8859_1); }
    }
}
