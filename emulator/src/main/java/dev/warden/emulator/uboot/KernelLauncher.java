package dev.warden.emulator.uboot;

/** Whatever runs once U-Boot has printed "Starting kernel ...": the root-cell Linux model. */
@FunctionalInterface
public interface KernelLauncher {

    KernelLauncher NONE = handoff -> { };

    void start(KernelHandoff handoff);
}
