package dev.warden.config;

/** struct jailhouse_console (32 bytes): the hypervisor debug console or a cell's console. */
public record Console(long address, int size, int type, int flags, int divider, int gateNr, long clockReg) {
    public static final Console NONE = new Console(0, 0, 0, 0, 0, 0, 0);

    public static final int TYPE_NONE = 0;
    public static final int TYPE_EFIFB = 1;
    public static final int TYPE_8250 = 2;
    public static final int TYPE_PL011 = 3;
    public static final int TYPE_XUARTPS = 4;
    public static final int TYPE_MVEBU = 5;
    public static final int TYPE_HSCIF = 6;
    public static final int TYPE_SCIFA = 7;
    public static final int TYPE_IMX = 8;
    /** Revision 14 only. */
    public static final int TYPE_IMX_LPUART = 9;
    /** Revision 14 only. */
    public static final int TYPE_SCIF = 10;

    public static final int FLAG_ACCESS_MMIO = 0x1;
    public static final int FLAG_REGDIST_4 = 0x2;
    public static final int FLAG_FB_1920x1080 = 0x4;
    public static final int FLAG_INVERTED_GATE = 0x1000;
    /** Not in revision 10. */
    public static final int FLAG_MDR_QUIRK = 0x2000;

    public boolean isNone() {
        return equals(NONE);
    }
}
