package dev.warden.config;

/**
 * One IOMMU unit of the platform info. {@code type} uses upstream codes (1 AMD, 2 Intel,
 * 3 SMMUv3, 4 TI PVU, 5 ARM MMU-500) whatever the file's format. {@code unionWord} is the u64 at
 * union offset 0 (PVU tlb_base; AMD bdf/base_cap/msi_cap/features) and {@code unionTail} the u32
 * after it (PVU tlb_size). {@code tiExtra} keeps the TI layout's alignment holes (zero elsewhere).
 */
public record IommuUnit(int type, long base, int size, long unionWord, int unionTail, long tiExtra) {
    public static final int TYPE_UNUSED = 0;
    public static final int TYPE_AMD = 1;
    public static final int TYPE_INTEL = 2;
    public static final int TYPE_SMMUV3 = 3;
    public static final int TYPE_PVU = 4;
    public static final int TYPE_ARM_MMU500 = 5;

    public static final IommuUnit EMPTY = new IommuUnit(0, 0, 0, 0, 0, 0);

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    public long tlbBase() {
        return unionWord;
    }

    public int tlbSize() {
        return unionTail;
    }

    public static String typeName(int type) {
        switch (type) {
            case TYPE_UNUSED: return "unused";
            case TYPE_AMD: return "amd";
            case TYPE_INTEL: return "intel";
            case TYPE_SMMUV3: return "smmuv3";
            case TYPE_PVU: return "pvu";
            case TYPE_ARM_MMU500: return "arm-mmu500";
            default: return Integer.toString(type);
        }
    }
}
