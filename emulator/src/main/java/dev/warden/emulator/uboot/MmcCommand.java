package dev.warden.emulator.uboot;

import java.util.List;

/** {@code mmc dev N} and {@code mmc rescan}: the SD card is always present. */
final class MmcCommand implements UBootCommand {

    @Override
    public int run(UBoot u, List<String> a) {
        if (a.size() >= 2 && a.get(1).equals("dev")) {
            String dev = a.size() > 2 ? a.get(2) : "1";
            u.print("switch to partitions #0, OK\nmmc" + dev + " is current device\n");
            return 0;
        }
        if (a.size() >= 2 && a.get(1).equals("rescan")) return 0;
        u.print("Usage:\nmmc - MMC sub system\n");
        return 1;
    }
}
