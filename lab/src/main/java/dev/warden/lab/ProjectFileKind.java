package dev.warden.lab;

import java.nio.charset.StandardCharsets;

/**
 * What a file of the user's project is, told by its content as the real tools tell it (never by
 * its name): the configuration signatures the Jailhouse driver checks, the FDT magic libfdt checks,
 * the arm64 {@code Image} magic booti checks; a flat inmate binary is whatever is none of these.
 */
public enum ProjectFileKind {

    ROOT_CELL_CONFIG("a root cell configuration (.cell with the signature \"JHSYS\")"),
    CELL_CONFIG("a cell configuration (.cell with the signature \"JHCLL\", or \"JHCELL\" before revision 14)"),
    DEVICE_TREE("a device tree or overlay (.dtb/.dtbo with the magic 0xd00dfeed)"),
    KERNEL_IMAGE("an arm64 kernel Image (\"ARM\\x64\" at offset 0x38)"),
    INMATE("an inmate (a flat binary that is no configuration, device tree or kernel Image)");

    private static final int FDT_MAGIC = 0xd00dfeed;          // big-endian at offset 0
    private static final int ARM64_IMAGE_MAGIC = 0x644d5241;  // "ARM\x64", little-endian at offset 0x38

    private final String description;

    ProjectFileKind(String description) {
        this.description = description;
    }

    /** How an error message names this kind: what it is and how it is recognised. */
    public String description() { return description; }

    /** The kind of a file with this content. */
    public static ProjectFileKind of(byte[] content) {
        // "JHSYS" is also the start of the pre-14 "JHSYST"; "JHCELL" and "JHCLL" are the cell forms
        if (startsWith(content, "JHSYS")) return ROOT_CELL_CONFIG;
        if (startsWith(content, "JHCLL") || startsWith(content, "JHCELL")) return CELL_CONFIG;
        if (content.length >= 4 && be32(content, 0) == FDT_MAGIC) return DEVICE_TREE;
        if (content.length >= 0x3c && le32(content, 0x38) == ARM64_IMAGE_MAGIC) return KERNEL_IMAGE;
        return INMATE;
    }

    private static boolean startsWith(byte[] content, String signature) {
        byte[] s = signature.getBytes(StandardCharsets.US_ASCII);
        if (content.length < s.length) return false;
        for (int i = 0; i < s.length; i++) if (content[i] != s[i]) return false;
        return true;
    }

    private static int be32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static int le32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
