package dev.warden.hypervisor.paging;

import java.util.function.Consumer;

/**
 * A translation-table tree built and torn down the way Jailhouse's generic paging code does it
 * (research/pagepool.md §2, hypervisor/paging.c), so that the page-pool cost of every mapping
 * change is the real one:
 * <ul>
 * <li>creating uses at each step the largest block whose size fits the rest of the range and to
 *     which both addresses are aligned, if huge pages are allowed for the call (pages always are);
 *     a missing table is allocated, a block in the way is split into a table of the next level
 *     first; a block written over finer mappings releases them. Neighbouring mappings are never
 *     merged back into a block.</li>
 * <li>destroying clears, entry by entry, blocks and pages the range covers completely and splits
 *     those it covers partially (which allocates); every table left empty on the way up is freed,
 *     the root never. A walk that meets an empty entry advances by that level's block size (a page
 *     where the level has none), as the real code does even from an unaligned address.</li>
 * </ul>
 * The root table belongs to the owner of the tree; only tables below it come from {@link PageTableMemory}.
 */
public final class TranslationTables {

    public static final long PAGE = 0x1000;

    /** A block or page entry. {@code present} false: written, but not valid (a reserved slot). */
    public record Leaf(long phys, long flags, boolean present) { }

    /**
     * Where a walk ended: at a leaf (then {@code leaf} is set and {@code base}/{@code size} give the
     * address range it maps) or at an invalid entry of {@code level} (a translation fault there).
     */
    public record Walk(int level, Leaf leaf, long base, long size) {
        public boolean mapped() { return leaf != null; }
    }

    private static final class Table {
        final Object[] entries;

        Table(int count) {
            entries = new Object[count];
        }

        boolean empty() {
            for (Object e : entries) if (valid(e)) return false;
            return true;
        }
    }

    private final PagingMode mode;
    private final PageTableMemory memory;
    private final Table root;
    private long tables;

    public TranslationTables(PagingMode mode, PageTableMemory memory) {
        this.mode = mode;
        this.memory = memory;
        this.root = new Table(mode.level(0).entries());
    }

    public PagingMode mode() { return mode; }

    /** Tables below the root that exist now (each one a page of the pool). */
    public long tables() { return tables; }

    /** Maps [virt, virt+size) to phys; phys and virt are rounded down to pages, size up. */
    public void create(long phys, long size, long virt, long flags, boolean present, boolean huge) {
        create(root, 0, phys & ~(PAGE - 1), align(size), virt & ~(PAGE - 1), new Leaf(0, flags, present), huge);
    }

    /** Removes every mapping of [virt, virt+size), splitting blocks it covers only partly. */
    public void destroy(long virt, long size, boolean huge) {
        destroy(root, 0, virt, align(size), huge);
    }

    /** The walk of one address: the leaf that maps it or the level whose entry is invalid. */
    public Walk walk(long address) {
        Table table = root;
        for (int depth = 0; ; depth++) {
            PagingLevel level = mode.level(depth);
            if (depth == 0 && level.outOfRange(address)) return new Walk(level.number(), null, 0, 0);
            Object e = table.entries[level.index(address)];
            if (!valid(e)) return new Walk(level.number(), null, 0, 0);
            if (e instanceof Leaf leaf) {
                long size = level.blockSize();
                return new Walk(level.number(), leaf, address & ~(size - 1), size);
            }
            table = (Table) e;
        }
    }

    /** Visits every present leaf in address order. */
    public void forEachLeaf(Consumer<Walk> visitor) {
        visit(root, 0, 0, visitor);
    }

    private void visit(Table table, int depth, long base, Consumer<Walk> visitor) {
        PagingLevel level = mode.level(depth);
        for (int i = 0; i < table.entries.length; i++) {
            Object e = table.entries[i];
            long address = base | ((long) i << level.shift());
            if (e instanceof Table t) visit(t, depth + 1, address, visitor);
            else if (e instanceof Leaf leaf && leaf.present()) {
                visitor.accept(new Walk(level.number(), leaf, address, level.blockSize()));
            }
        }
    }

    private void create(Table top, int topDepth, long phys, long size, long virt, Leaf template, boolean huge) {
        while (size > 0) {
            Table table = top;
            int depth = topDepth;
            PagingLevel level;
            while (true) {
                level = mode.level(depth);
                int index = checkedIndex(level, depth, virt);
                long block = level.blockSize();
                if (block > 0 && block <= size && ((phys | virt) & (block - 1)) == 0 && (huge || block == PAGE)) {
                    // a block written where finer mappings are: those go first (tables freed)
                    if (block > PAGE) destroy(table, depth, virt, block, huge);
                    table.entries[index] = new Leaf(phys, template.flags(), template.present());
                    break;
                }
                Object e = table.entries[index];
                if (valid(e)) {
                    if (e instanceof Leaf leaf) split(table, index, depth, leaf, virt, huge);
                } else {
                    table.entries[index] = allocate(depth + 1);
                }
                table = (Table) table.entries[index];
                depth++;
            }
            phys += level.blockSize();
            virt += level.blockSize();
            size -= level.blockSize();
        }
    }

    private void destroy(Table top, int topDepth, long virt, long size, boolean huge) {
        Table[] path = new Table[mode.depth()];
        while (size > 0) {
            int n = 0;
            int depth = topDepth;
            path[0] = top;
            int index;
            while (true) {
                PagingLevel level = mode.level(depth);
                if (n == 0 && topDepth == 0 && level.outOfRange(virt)) return;
                index = level.index(virt);
                Object e = path[n].entries[index];
                if (!valid(e)) break;
                if (e instanceof Leaf leaf) {
                    long step = level.stepSize();
                    long start = virt & ~(step - 1);
                    if (virt <= start && virt + (size - 1) >= start + (step - 1)) break;  // covered entirely
                    split(path[n], index, depth, leaf, virt, huge);
                }
                path[n + 1] = (Table) path[n].entries[index];
                n++;
                depth++;
            }
            long step = mode.level(depth).stepSize();
            while (true) {
                path[n].entries[index] = null;
                if (n == 0 || !path[n].empty()) break;
                release();
                n--;
                depth--;
                index = mode.level(depth).index(virt);
            }
            if (step > size) break;
            virt += step;
            size -= step;
        }
    }

    /** Replaces a block by a table of the next level mapping the same range with the same flags. */
    private void split(Table table, int index, int depth, Leaf block, long virt, boolean huge) {
        long size = mode.level(depth).blockSize();
        Table sub = allocate(depth + 1);
        table.entries[index] = sub;
        create(sub, depth + 1, block.phys(), size, virt & ~(size - 1), block, huge);
    }

    private Table allocate(int depth) {
        memory.allocate();
        tables++;
        return new Table(mode.level(depth).entries());
    }

    private void release() {
        memory.free();
        tables--;
    }

    private static int checkedIndex(PagingLevel level, int depth, long virt) {
        if (depth == 0 && level.outOfRange(virt)) {
            throw new IllegalArgumentException(String.format("address 0x%x is beyond the %d-bit range of this map",
                    virt, level.shift() + level.indexBits()));
        }
        return level.index(virt);
    }

    private static boolean valid(Object e) {
        return e instanceof Table || (e instanceof Leaf leaf && leaf.present());
    }

    private static long align(long size) {
        return (size + PAGE - 1) & ~(PAGE - 1);
    }
}
