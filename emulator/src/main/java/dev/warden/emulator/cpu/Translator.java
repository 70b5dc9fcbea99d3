package dev.warden.emulator.cpu;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compiles a hot region of guest code to a JVM class, written with the ASM that ByteBuddy bundles
 * (its class writer alone: ByteBuddy's type-description layer costs more start-up time than a
 * short guest run takes). Each translation is a hidden class in this package: it reaches the
 * core's package-private state, and the JVM unloads it once nothing refers to it (its page was
 * invalidated, or its code cache dropped). Thread-safe: boards that run in parallel translate in
 * parallel.
 */
final class Translator {

    private static final String BLOCK = "dev/warden/emulator/cpu/TranslatedBlock";
    private static final String CONSTRUCTOR_DESCRIPTOR = "(JII[Ldev/warden/emulator/cpu/Op;)V";
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, long.class, int.class, int.class, Op[].class);
    private static final AtomicLong TRANSLATIONS = new AtomicLong();
    /**
     * A class file this large may hold a method over HotSpot's 8000-byte limit for compiling
     * (HugeMethodLimit), which would run interpreted: such a region is planned again, smaller.
     */
    static final int MAX_CLASS_BYTES = 7000;

    private Translator() { }

    /** Translations made so far in this JVM (tests check that code they compare really ran translated). */
    static long translations() { return TRANSLATIONS.get(); }

    /** The translation of the code entered at word {@code entry} of {@code ops}, or null when that instruction stays interpreted. */
    static TranslatedBlock translate(Op[] ops, int entry, long virtualPage) {
        Region region;
        RegionCompiler compiler;
        byte[] bytes;
        int words = Region.MAX_WORDS;
        do {
            region = Region.plan(ops, entry, words);
            if (region == null) return null;
            compiler = new RegionCompiler(region, ops, virtualPage);
            bytes = classFile(compiler);
            words /= 2;
        } while (bytes.length > MAX_CLASS_BYTES && words >= 1);
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(bytes, true);
            TranslatedBlock block = (TranslatedBlock) hidden.findConstructor(hidden.lookupClass(), CONSTRUCTOR)
                    .invoke(virtualPage, region.firstWord, region.lastWord, compiler.fallbacks());
            TRANSLATIONS.incrementAndGet();
            return block;
        } catch (Throwable e) {
            throw new IllegalStateException(String.format("translating the code at 0x%x failed", virtualPage + 4L * entry), e);
        }
    }

    /** A final subclass of TranslatedBlock with the super constructor and the compiled run method. */
    static byte[] classFile(RegionCompiler compiler) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, "dev/warden/emulator/cpu/Translated", null, BLOCK, null);
        MethodVisitor init = cw.visitMethod(0, "<init>", CONSTRUCTOR_DESCRIPTOR, null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.LLOAD, 1);
        init.visitVarInsn(Opcodes.ILOAD, 3);
        init.visitVarInsn(Opcodes.ILOAD, 4);
        init.visitVarInsn(Opcodes.ALOAD, 5);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, BLOCK, "<init>", CONSTRUCTOR_DESCRIPTOR, false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        compiler.emit(cw.visitMethod(0, "run", "(Ldev/warden/emulator/cpu/Cpu;JJ)J", null, null));
        cw.visitEnd();
        return cw.toByteArray();
    }
}
