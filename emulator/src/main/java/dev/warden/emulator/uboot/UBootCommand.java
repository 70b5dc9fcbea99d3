package dev.warden.emulator.uboot;

import java.util.List;

/** One U-Boot command; {@code args.get(0)} is the command name. Returns 0 on success. */
@FunctionalInterface
public interface UBootCommand {

    int run(UBoot uboot, List<String> args);
}
