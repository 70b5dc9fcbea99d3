package dev.warden.emulator.cpu;

/**
 * The identification registers a core reports: a Cortex-A53 r0p4 (the CPU QEMU's {@code -cpu
 * cortex-a53} models, which the oracles run), with every feature this core lacks reported absent,
 * so that software never picks a path Warden cannot execute:
 * <ul>
 *   <li>AArch64 only, at EL0 and EL1 (no AArch32, no EL2/EL3: Warden's hypervisor is a model);</li>
 *   <li>FP and AdvSIMD present, the GIC system-register interface present;</li>
 *   <li>no PMU (QEMU's {@code pmu=off}), six breakpoints and four watchpoints, debug v8;</li>
 *   <li>CRC32 only of the optional instructions (no AES/SHA/PMULL, no LSE atomics, no RCpc,
 *       no pointer authentication, no BTI, no MTE, no SVE);</li>
 *   <li>4 KiB translation granule only, 40-bit physical addresses, 16-bit ASIDs, no PAN, no
 *       hardware access-flag or dirty-state updates.</li>
 * </ul>
 * Every other register of the ID space (op0 3, op1 0, CRn 0, CRm 1..7), allocated or not, reads
 * as zero: the architecture's value for an unallocated ID register and for the AArch32 ones of a
 * core without AArch32.
 */
final class IdRegisters {

    static final long MIDR = 0x410fd034L;
    /** EL0 and EL1 AArch64 only (1), EL2 and EL3 absent (0), FP and AdvSIMD present (0), GIC CPU interface 1. */
    static final long AA64PFR0 = 0x01000011L;
    /** DebugVer 8.0 (6), TraceVer 0, PMUVer 0 (no PMU), BRPs 5 (6), WRPs 3 (4), CTX_CMPs 1 (2). */
    static final long AA64DFR0 = 0x10305006L;
    /** CRC32 (1 at bits 19:16) only. */
    static final long AA64ISAR0 = 0x00010000L;
    /** PARange 40 bits (2), ASIDBits 16 (2), BigEnd 1, SNSMem 1, TGran16 absent (0), TGran64 absent (0xf), TGran4 present (0). */
    static final long AA64MMFR0 = 0x0f001122L;
    /** The A53's cache geometry: 64-byte lines, I-cache VIPT. */
    static final long CTR = 0x84448004L;
    /** DC ZVA zeroes 64 bytes (4-byte words: 2^4). */
    static final long DCZID = 4;
    static final long CLIDR = 0x0a200023L;
    static final long CCSIDR_L1D = 0x700fe01aL, CCSIDR_L1I = 0x201fe00aL, CCSIDR_L2 = 0x707fe07aL;

    private IdRegisters() { }

    /** Whether {@code key} lies in the ID space that reads as zero unless listed above. */
    static boolean inIdSpace(int key) {
        int op0 = key >>> 14, op1 = (key >>> 11) & 7, crn = (key >>> 7) & 15, crm = (key >>> 3) & 15;
        return op0 == 3 && op1 == 0 && crn == 0 && crm >= 1;
    }

    /** CCSIDR_EL1 for the cache CSSELR_EL1 selects. */
    static long ccsidr(long csselr) {
        switch ((int) csselr & 0xf) {
            case 0: return CCSIDR_L1D;
            case 1: return CCSIDR_L1I;
            case 2: return CCSIDR_L2;
            default: return 0;
        }
    }
}
