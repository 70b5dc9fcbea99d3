package dev.warden.emulator.devices.gic;

/** The state the GIC keeps for one interrupt (one per SPI, one per SGI/PPI per CPU). */
final class Interrupt {
    final int id;
    boolean enabled;
    /** Software or edge latch. */
    boolean pendingLatch;
    /** Input level, for level-sensitive interrupts. */
    boolean level;
    boolean active;
    boolean group1;
    int priority;
    boolean edge;
    /** SPIs: GICD_IROUTER (affinity, and bit 31 = any CPU). */
    long route;

    Interrupt(int id, boolean edge) {
        this.id = id;
        this.edge = edge;
    }

    boolean pending() {
        return pendingLatch || (!edge && level);
    }
}
