package dev.warden.emulator.uboot;

/**
 * What U-Boot's {@code booti} leaves for the kernel: the Image in RAM and the address of the
 * device tree it relocated and patched (x0 on a real board).
 */
public record KernelHandoff(long imageAddress, long imageSize, long fdtAddress, long fdtSize) {}
