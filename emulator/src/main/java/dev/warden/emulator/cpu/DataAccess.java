package dev.warden.emulator.cpu;

/**
 * One data access that left the fast path, described the way the syndrome of a data abort
 * describes it (what a hypervisor's MMIO emulation needs to complete the access or to report it).
 * The core fills it; a hook that completes a read stores the loaded value in {@link #value}.
 */
public final class DataAccess {
    /** Virtual address the instruction used. */
    public long virtualAddress;
    /** Address after stage-1 translation (intermediate physical address). */
    public long address;
    /** 1, 2, 4 or 8 bytes. */
    public int size;
    public boolean write;
    /** Number of the transfer register (0..30, 31 = XZR), or -1 when the syndrome is not valid (pairs). */
    public int register;
    /** For loads: the loaded value is sign-extended. */
    public boolean signExtend;
    /** For loads: the destination is a 64-bit register. */
    public boolean sixtyFourBit;
    /** The value written, or the value a handler returns for a read (zero-extended, {@code size} bytes). */
    public long value;

    /** The syndrome the core reports for this access when it is valid (ISV=1): SAS, SSE, SRT, SF, WnR. */
    public int syndrome() {
        if (register < 0) return write ? 1 << 6 : 0;
        int sas = Integer.numberOfTrailingZeros(size);
        return (1 << 24) | (sas << 22) | ((signExtend ? 1 : 0) << 21) | (register << 16)
                | ((sixtyFourBit ? 1 : 0) << 15) | ((write ? 1 : 0) << 6);
    }

    @Override
    public String toString() {
        return String.format("%s of %d bytes at 0x%x (va 0x%x), register %d%s",
                write ? "write" : "read", size, address, virtualAddress, register, write ? String.format(", value 0x%x", value) : "");
    }
}
