package dev.warden.hypervisor.core;

/**
 * The sizes behind a release's page-pool figures (research/pagepool.md §1, §6) and how its paging
 * code uses huge pages.
 *
 * @param perCpuPages         sizeof(struct per_cpu) in pages: stack page, private fields page and
 *                            the page-aligned public part (root table page + public fields page)
 * @param publicPerCpuPages   the public part, which the hypervisor's own mapping of each per-CPU
 *                            area leaves out
 * @param cellStructBytes     sizeof(struct cell): a page of fields and the page-aligned comm page;
 *                            a cell's allocation is this plus its configuration, rounded to pages
 * @param pciDeviceBytes      sizeof(struct pci_device), per PCI device of a cell
 * @param regmapBytes         sizeof(struct reg_map_data) of TI's regmap unit, per regmap
 * @param noHugepagesFlag     whether a region's NO_HUGEPAGES flag keeps its stage-2 mapping to pages
 *                            (upstream since January 2020; TI's v0.10 predates it)
 * @param hugePagesWhenSplitting whether a block that an unmap splits is refilled with blocks of the
 *                            next level (TI's v0.10 always maps with huge pages) or with pages only
 *                            (upstream's unmap does not pass the huge-page permission on)
 */
public record PoolFootprint(int perCpuPages, int publicPerCpuPages, int cellStructBytes, int pciDeviceBytes,
        int regmapBytes, boolean noHugepagesFlag, boolean hugePagesWhenSplitting) {

    /** Upstream master e57d1eff, arm64. */
    public static final PoolFootprint UPSTREAM = new PoolFootprint(4, 2, 8192, 344, 0, true, false);
    /** TI's ti2019.03 (v0.10 plus TI's units), arm64. */
    public static final PoolFootprint TI_V010 = new PoolFootprint(4, 2, 8192, 344, 56, false, true);
}
