package dev.warden.emulator.cpu;

/**
 * System register names as 16-bit keys of (op0, op1, CRn, CRm, op2), the same bits an MRS/MSR
 * instruction carries in bits 20..5, so a decoder gets the key with one shift and mask.
 */
public final class SysReg {

    private SysReg() { }

    public static int key(int op0, int op1, int crn, int crm, int op2) {
        return op0 << 14 | op1 << 11 | crn << 7 | crm << 3 | op2;
    }

    /** The key an MRS, MSR (register) or SYS instruction names. */
    public static int keyOf(int instruction) {
        return (instruction >>> 5) & 0xffff;
    }

    // Held by the core.
    public static final int MIDR_EL1 = 3 << 14 | 0 << 11 | 0 << 7 | 0 << 3 | 0;
    public static final int MPIDR_EL1 = 3 << 14 | 0 << 11 | 0 << 7 | 0 << 3 | 5;
    public static final int REVIDR_EL1 = 3 << 14 | 0 << 11 | 0 << 7 | 0 << 3 | 6;
    public static final int ID_AA64PFR0_EL1 = 3 << 14 | 0 << 11 | 0 << 7 | 4 << 3 | 0;
    public static final int ID_AA64PFR1_EL1 = 3 << 14 | 0 << 11 | 0 << 7 | 4 << 3 | 1;
    public static final int ID_AA64DFR0_EL1 = 3 << 14 | 0 << 11 | 0 << 7 | 5 << 3 | 0;
    public static final int ID_AA64DFR1_EL1 = 3 << 14 | 0 << 11 | 0 << 7 | 5 << 3 | 1;
    public static final int ID_AA64ISAR0_EL1 = 3 << 14 | 0 << 11 | 0 << 7 | 6 << 3 | 0;
    public static final int ID_AA64ISAR1_EL1 = 3 << 14 | 0 << 11 | 0 << 7 | 6 << 3 | 1;
    public static final int ID_AA64MMFR0_EL1 = 3 << 14 | 0 << 11 | 0 << 7 | 7 << 3 | 0;
    public static final int ID_AA64MMFR1_EL1 = 3 << 14 | 0 << 11 | 0 << 7 | 7 << 3 | 1;
    public static final int ID_AA64MMFR2_EL1 = 3 << 14 | 0 << 11 | 0 << 7 | 7 << 3 | 2;
    public static final int CCSIDR_EL1 = 3 << 14 | 1 << 11 | 0 << 7 | 0 << 3 | 0;
    public static final int CLIDR_EL1 = 3 << 14 | 1 << 11 | 0 << 7 | 0 << 3 | 1;
    public static final int CSSELR_EL1 = 3 << 14 | 2 << 11 | 0 << 7 | 0 << 3 | 0;
    public static final int CTR_EL0 = 3 << 14 | 3 << 11 | 0 << 7 | 0 << 3 | 1;
    public static final int DCZID_EL0 = 3 << 14 | 3 << 11 | 0 << 7 | 0 << 3 | 7;
    public static final int SCTLR_EL1 = 3 << 14 | 0 << 11 | 1 << 7 | 0 << 3 | 0;
    public static final int ACTLR_EL1 = 3 << 14 | 0 << 11 | 1 << 7 | 0 << 3 | 1;
    public static final int CPACR_EL1 = 3 << 14 | 0 << 11 | 1 << 7 | 0 << 3 | 2;
    public static final int TTBR0_EL1 = 3 << 14 | 0 << 11 | 2 << 7 | 0 << 3 | 0;
    public static final int TTBR1_EL1 = 3 << 14 | 0 << 11 | 2 << 7 | 0 << 3 | 1;
    public static final int TCR_EL1 = 3 << 14 | 0 << 11 | 2 << 7 | 0 << 3 | 2;
    public static final int SPSR_EL1 = 3 << 14 | 0 << 11 | 4 << 7 | 0 << 3 | 0;
    public static final int ELR_EL1 = 3 << 14 | 0 << 11 | 4 << 7 | 0 << 3 | 1;
    public static final int SP_EL0 = 3 << 14 | 0 << 11 | 4 << 7 | 1 << 3 | 0;
    public static final int SPSEL = 3 << 14 | 0 << 11 | 4 << 7 | 2 << 3 | 0;
    public static final int CURRENT_EL = 3 << 14 | 0 << 11 | 4 << 7 | 2 << 3 | 2;
    public static final int NZCV = 3 << 14 | 3 << 11 | 4 << 7 | 2 << 3 | 0;
    public static final int DAIF = 3 << 14 | 3 << 11 | 4 << 7 | 2 << 3 | 1;
    public static final int FPCR = 3 << 14 | 3 << 11 | 4 << 7 | 4 << 3 | 0;
    public static final int FPSR = 3 << 14 | 3 << 11 | 4 << 7 | 4 << 3 | 1;
    public static final int AFSR0_EL1 = 3 << 14 | 0 << 11 | 5 << 7 | 1 << 3 | 0;
    public static final int AFSR1_EL1 = 3 << 14 | 0 << 11 | 5 << 7 | 1 << 3 | 1;
    public static final int ESR_EL1 = 3 << 14 | 0 << 11 | 5 << 7 | 2 << 3 | 0;
    public static final int FAR_EL1 = 3 << 14 | 0 << 11 | 6 << 7 | 0 << 3 | 0;
    public static final int PAR_EL1 = 3 << 14 | 0 << 11 | 7 << 7 | 4 << 3 | 0;
    public static final int MAIR_EL1 = 3 << 14 | 0 << 11 | 10 << 7 | 2 << 3 | 0;
    public static final int AMAIR_EL1 = 3 << 14 | 0 << 11 | 10 << 7 | 3 << 3 | 0;
    public static final int VBAR_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 0 << 3 | 0;
    public static final int ISR_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 1 << 3 | 0;
    public static final int CONTEXTIDR_EL1 = 3 << 14 | 0 << 11 | 13 << 7 | 0 << 3 | 1;
    public static final int TPIDR_EL1 = 3 << 14 | 0 << 11 | 13 << 7 | 0 << 3 | 4;
    public static final int TPIDR_EL0 = 3 << 14 | 3 << 11 | 13 << 7 | 0 << 3 | 2;
    public static final int TPIDRRO_EL0 = 3 << 14 | 3 << 11 | 13 << 7 | 0 << 3 | 3;
    public static final int MDSCR_EL1 = 2 << 14 | 0 << 11 | 0 << 7 | 2 << 3 | 2;
    public static final int OSLAR_EL1 = 2 << 14 | 0 << 11 | 1 << 7 | 0 << 3 | 4;
    public static final int OSDLR_EL1 = 2 << 14 | 0 << 11 | 1 << 7 | 3 << 3 | 4;

    // Generic timer (devices.timer).
    public static final int CNTKCTL_EL1 = 3 << 14 | 0 << 11 | 14 << 7 | 1 << 3 | 0;
    public static final int CNTFRQ_EL0 = 3 << 14 | 3 << 11 | 14 << 7 | 0 << 3 | 0;
    public static final int CNTPCT_EL0 = 3 << 14 | 3 << 11 | 14 << 7 | 0 << 3 | 1;
    public static final int CNTVCT_EL0 = 3 << 14 | 3 << 11 | 14 << 7 | 0 << 3 | 2;
    public static final int CNTP_TVAL_EL0 = 3 << 14 | 3 << 11 | 14 << 7 | 2 << 3 | 0;
    public static final int CNTP_CTL_EL0 = 3 << 14 | 3 << 11 | 14 << 7 | 2 << 3 | 1;
    public static final int CNTP_CVAL_EL0 = 3 << 14 | 3 << 11 | 14 << 7 | 2 << 3 | 2;
    public static final int CNTV_TVAL_EL0 = 3 << 14 | 3 << 11 | 14 << 7 | 3 << 3 | 0;
    public static final int CNTV_CTL_EL0 = 3 << 14 | 3 << 11 | 14 << 7 | 3 << 3 | 1;
    public static final int CNTV_CVAL_EL0 = 3 << 14 | 3 << 11 | 14 << 7 | 3 << 3 | 2;

    // GICv3 CPU interface (devices.gic).
    public static final int ICC_PMR_EL1 = 3 << 14 | 0 << 11 | 4 << 7 | 6 << 3 | 0;
    public static final int ICC_IAR0_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 8 << 3 | 0;
    public static final int ICC_EOIR0_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 8 << 3 | 1;
    public static final int ICC_HPPIR0_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 8 << 3 | 2;
    public static final int ICC_BPR0_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 8 << 3 | 3;
    public static final int ICC_AP0R0_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 8 << 3 | 4;
    public static final int ICC_AP1R0_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 9 << 3 | 0;
    public static final int ICC_DIR_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 11 << 3 | 1;
    public static final int ICC_RPR_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 11 << 3 | 3;
    public static final int ICC_SGI1R_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 11 << 3 | 5;
    public static final int ICC_ASGI1R_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 11 << 3 | 6;
    public static final int ICC_SGI0R_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 11 << 3 | 7;
    public static final int ICC_IAR1_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 12 << 3 | 0;
    public static final int ICC_EOIR1_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 12 << 3 | 1;
    public static final int ICC_HPPIR1_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 12 << 3 | 2;
    public static final int ICC_BPR1_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 12 << 3 | 3;
    public static final int ICC_CTLR_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 12 << 3 | 4;
    public static final int ICC_SRE_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 12 << 3 | 5;
    public static final int ICC_IGRPEN0_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 12 << 3 | 6;
    public static final int ICC_IGRPEN1_EL1 = 3 << 14 | 0 << 11 | 12 << 7 | 12 << 3 | 7;

    /** "S3_0_C12_C12_5" style name, the form assemblers accept for any register. */
    public static String name(int key) {
        return String.format("S%d_%d_C%d_C%d_%d", key >>> 14, (key >>> 11) & 7, (key >>> 7) & 15, (key >>> 3) & 15, key & 7);
    }
}
