package dev.warden.devicetree.blob;

/** Constants of the flattened device-tree format (devicetree specification, libfdt's fdt.h). */
public final class Fdt {
    private Fdt() {
    }

    public static final int MAGIC = 0xd00dfeed;
    /** libfdt's magic for a tree still being written with the sequential-write API. */
    public static final int SW_MAGIC = ~MAGIC;

    public static final int BEGIN_NODE = 0x1;
    public static final int END_NODE = 0x2;
    public static final int PROP = 0x3;
    public static final int NOP = 0x4;
    public static final int END = 0x9;

    public static final int TAG_SIZE = 4;
    public static final int HEADER_SIZE_V17 = 40;
    public static final int RESERVE_ENTRY_SIZE = 16;

    public static final int FIRST_SUPPORTED_VERSION = 0x02;
    public static final int LAST_SUPPORTED_VERSION = 0x11;

    /** Header size for a given version, as libfdt's fdt_header_size_(). */
    public static int headerSize(int version) {
        if (version <= 1) {
            return 28;
        } else if (version <= 2) {
            return 32;
        } else if (version < 17) {
            return 36;
        }
        return HEADER_SIZE_V17;
    }

    public static int tagAlign(int n) {
        return (n + TAG_SIZE - 1) & ~(TAG_SIZE - 1);
    }

    public static String tokenName(int token) {
        switch (token) {
            case BEGIN_NODE: return "FDT_BEGIN_NODE";
            case END_NODE: return "FDT_END_NODE";
            case PROP: return "FDT_PROP";
            case NOP: return "FDT_NOP";
            case END: return "FDT_END";
            default: return String.format("0x%08x", token);
        }
    }
}
