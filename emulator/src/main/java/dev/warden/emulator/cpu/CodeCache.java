package dev.warden.emulator.cpu;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Pre-decoded instructions, keyed by the RAM backing store that holds them (array identity and
 * 4 KiB page), so aliases and every CPU that shares the cache see the same decoded page. Stores
 * by a CPU into a decoded page re-decode the words they touch and drop the translated code
 * ({@link CodePage}) that covers them. Whoever writes RAM behind the cores' backs (an image loader,
 * a DMA model) calls {@link #invalidateAll()}, which forgets decoded and translated code alike.
 */
public final class CodeCache {

    private final Map<byte[], CodePage[]> pages = new IdentityHashMap<>();
    private int generation;

    CodePage lookup(byte[] array, int offset) {
        CodePage[] sub = pages.get(array);
        return sub == null ? null : sub[offset >>> 12];
    }

    CodePage decode(byte[] array, int offset) {
        CodePage[] sub = pages.computeIfAbsent(array, a -> new CodePage[(a.length + 4095) >>> 12]);
        CodePage page = sub[offset >>> 12];
        if (page == null) {
            page = new CodePage();
            Op[] ops = page.ops;
            for (int i = 0; i < 1024; i++) ops[i] = Decoder.decode(word(array, offset + 4 * i));
            for (int i = 0; i < 1023; i++) fuse(ops, i);
            sub[offset >>> 12] = page;
        }
        return page;
    }

    /**
     * Re-decodes the words of a decoded page that a store of {@code size} bytes at {@code pageOffset}
     * touched, and forgets the translations that cover a word whose value changed. Returns whether
     * it forgot one.
     */
    static boolean rewrite(CodePage page, byte[] array, int pageBase, int pageOffset, int size) {
        Op[] ops = page.ops;
        int first = pageOffset >>> 2;
        int last = Math.min(1023, (pageOffset + size - 1) >>> 2);
        boolean changed = false;
        for (int i = first; i <= last; i++) {
            int w = word(array, pageBase + 4 * i);
            changed |= ops[i].word != w;
            ops[i] = Decoder.decode(w);
        }
        // The op before the first rewritten word may have fused the old word.
        for (int i = Math.max(0, first - 1); i <= Math.min(1022, last); i++) {
            ops[i] = Decoder.decode(word(array, pageBase + 4 * i));
            fuse(ops, i);
        }
        // A store of the same instruction (data that shares the page with code) keeps the translations.
        return changed && page.invalidate(first, last);
    }

    private static void fuse(Op[] ops, int i) {
        Op fused = ops[i].fusedWith(ops[i + 1]);
        if (fused != null) ops[i] = fused;
    }

    /** Forgets every decoded page; cores flush their TLBs before they run again. */
    public void invalidateAll() {
        pages.clear();
        generation++;
    }

    int generation() { return generation; }

    private static int word(byte[] a, int o) {
        return (a[o] & 0xff) | (a[o + 1] & 0xff) << 8 | (a[o + 2] & 0xff) << 16 | (a[o + 3] & 0xff) << 24;
    }
}
