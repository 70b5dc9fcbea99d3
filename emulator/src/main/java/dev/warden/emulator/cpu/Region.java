package dev.warden.emulator.cpu;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * What one translation covers: the basic blocks of one page reachable from an entry word through
 * direct branches that stay in the page, up to a size the JIT still compiles well. Each block is a
 * run of words ending in a branch, before an instruction only the interpreter runs, before
 * another block's first word, or at the end of the page.
 */
final class Region {

    /** Words scanned for one region: keeps the generated method under the JIT's 8000-byte limit. */
    static final int MAX_WORDS = 64;

    /** How a block ends. */
    enum End {
        /** Its last word is a branch (counted in the block). */
        BRANCH,
        /** The next word is one the translation leaves to the interpreter: exit there. */
        STOP,
        /** The next word starts another block of the region: go on there. */
        FALL_THROUGH,
        /** The page ends: exit to the next page. */
        PAGE_END
    }

    record Block(int first, int last, End end) {
        /** Instructions the block executes when it runs to its end. */
        int length() { return last - first + 1; }
    }

    final int entry;
    final List<Block> blocks;
    /** Words that start a block, for branches inside the region. */
    final BitSet leaders;
    final int firstWord;
    final int lastWord;

    private Region(int entry, List<Block> blocks, BitSet leaders) {
        this.entry = entry;
        this.blocks = blocks;
        this.leaders = leaders;
        int lo = CodePage.WORDS, hi = -1;
        for (Block b : blocks) {
            lo = Math.min(lo, b.first);
            hi = Math.max(hi, b.last);
        }
        this.firstWord = lo;
        this.lastWord = hi;
    }

    /** The region entered at {@code entry}, or null when the instruction there is one the translation leaves to the interpreter. */
    static Region plan(Op[] ops, int entry) {
        return plan(ops, entry, MAX_WORDS);
    }

    /** As {@link #plan(Op[], int)}, scanning at most {@code maxWords} words. */
    static Region plan(Op[] ops, int entry, int maxWords) {
        if (!RegionCompiler.translatable(ops[entry])) return null;
        BitSet leaders = new BitSet(CodePage.WORDS);
        BitSet scanned = new BitSet(CodePage.WORDS);
        Deque<Integer> work = new ArrayDeque<>();
        work.add(entry);
        leaders.set(entry);
        int budget = maxWords;
        while (!work.isEmpty() && budget > 0) {
            int start = work.poll();
            if (scanned.get(start)) continue;
            for (int i = start; i < CodePage.WORDS && budget > 0; i++) {
                Op op = ops[i];
                if (!RegionCompiler.translatable(op)) break;
                scanned.set(i);
                budget--;
                if (RegionCompiler.isBranch(op)) {
                    int target = directTarget(op, i);
                    if (target >= 0 && RegionCompiler.translatable(ops[target])) addLeader(target, leaders, work);
                    if (RegionCompiler.isConditional(op) && i + 1 < CodePage.WORDS && RegionCompiler.translatable(ops[i + 1])) {
                        addLeader(i + 1, leaders, work);
                    }
                    break;
                }
                if (i + 1 < CodePage.WORDS && scanned.get(i + 1)) {
                    leaders.set(i + 1); // falls into code already scanned: that code starts a block
                    break;
                }
            }
        }
        // Leaders that the budget left unscanned are not part of the region: branches to them exit.
        leaders.and(scanned);
        List<Block> blocks = new ArrayList<>();
        for (int s = leaders.nextSetBit(0); s >= 0; s = leaders.nextSetBit(s + 1)) {
            int i = s;
            End end;
            while (true) {
                if (RegionCompiler.isBranch(ops[i])) { end = End.BRANCH; break; }
                if (i + 1 >= CodePage.WORDS) { end = End.PAGE_END; break; }
                if (leaders.get(i + 1)) { end = End.FALL_THROUGH; break; }
                if (!scanned.get(i + 1)) { end = End.STOP; break; }
                i++;
            }
            blocks.add(new Block(s, i, end));
        }
        return new Region(entry, blocks, leaders);
    }

    private static void addLeader(int word, BitSet leaders, Deque<Integer> work) {
        if (!leaders.get(word)) {
            leaders.set(word);
            work.add(word);
        }
    }

    /** The word a direct branch at word {@code i} goes to when it stays in the page, else -1. */
    static int directTarget(Op op, int i) {
        switch (op.kind) {
            case Op.B: case Op.BL: case Op.BCOND: case Op.CBZ: case Op.CBNZ: case Op.TBZ: case Op.TBNZ: {
                long t = 4L * i + op.imm;
                return t >= 0 && t < 4096 ? (int) (t >>> 2) : -1;
            }
            default: return -1;
        }
    }
}
