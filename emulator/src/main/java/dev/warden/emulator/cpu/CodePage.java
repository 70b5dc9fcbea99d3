package dev.warden.emulator.cpu;

/**
 * One decoded 4 KiB page of guest code: its {@link Op}s, and the entry table of the code
 * translated from it (one slot per instruction word, indexed by the PC's word in the page), with
 * the execution counts that decide when an entry gets translated.
 */
final class CodePage {

    static final int WORDS = 1024;

    final Op[] ops = new Op[WORDS];
    /** Translated code entered at each word, or null; allocated when a core first counts heat here. */
    TranslatedBlock[] entries;
    /** How often the interpreter started at each word; {@link #NEVER} for words that cannot start a translation. */
    int[] heat;

    static final int NEVER = Integer.MIN_VALUE;

    void prepareTranslation() {
        if (entries == null) {
            entries = new TranslatedBlock[WORDS];
            heat = new int[WORDS];
        }
    }

    /**
     * Words {@code first..last} changed: forgets every translation that covers one of them, so the
     * next execution interprets (and, once hot again, translates) the new code. Returns whether it
     * forgot one.
     */
    boolean invalidate(int first, int last) {
        if (entries == null) return false;
        boolean dropped = false;
        for (int i = 0; i < WORDS; i++) {
            TranslatedBlock b = entries[i];
            if (b != null && b.firstWord <= last && b.lastWord >= first) {
                entries[i] = null;
                heat[i] = 0;
                dropped = true;
            } else if (heat[i] == NEVER && i >= first && i <= last) {
                heat[i] = 0;
            }
        }
        return dropped;
    }
}
