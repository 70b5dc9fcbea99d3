package dev.warden.hypervisor.paging;

/**
 * One level of a 4 KiB-granule translation regime as the hypervisor's paging code walks it.
 *
 * @param number    the architectural lookup level (0..3), the one a fault status code names
 * @param shift     the lowest address bit this level's index uses
 * @param indexBits how many address bits the index takes (more than 9 only for a concatenated root)
 * @param blockSize the size one entry maps as a block or page, 0 where the level has no block
 *                  entries (level 0, and the concatenated level-1 root of a short address range)
 */
public record PagingLevel(int number, int shift, int indexBits, long blockSize) {

    public int index(long address) {
        return (int) ((address >>> shift) & ((1L << indexBits) - 1));
    }

    /** Whether the address has bits above what this level can index (only possible at the root). */
    public boolean outOfRange(long address) {
        return shift + indexBits < 64 && (address >>> (shift + indexBits)) != 0;
    }

    public int entries() {
        return 1 << indexBits;
    }

    /** The step a destroy walk advances by when it stops here: the block size, a page where none. */
    public long stepSize() {
        return blockSize != 0 ? blockSize : TranslationTables.PAGE;
    }
}
