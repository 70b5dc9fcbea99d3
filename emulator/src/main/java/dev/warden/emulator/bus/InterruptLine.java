package dev.warden.emulator.bus;

/** A level-triggered interrupt output of a device, wired to an interrupt controller input. */
@FunctionalInterface
public interface InterruptLine {

    InterruptLine UNCONNECTED = level -> { };

    void set(boolean asserted);
}
