package dev.warden.emulator.snapshot;

/**
 * A class whose instances a {@link GraphCopy} copies by their own rule instead of field by field:
 * guest RAM shares its pages copy-on-write. The copy must not lead back to the object being copied
 * (it is registered in the identity map only once this returns).
 */
public interface ForkCopyable {

    /** A copy of this object; the values it holds that other objects also reach go through {@code copy.copyOf}. */
    Object forkCopy(GraphCopy copy);
}
