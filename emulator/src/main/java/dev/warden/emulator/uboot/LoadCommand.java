package dev.warden.emulator.uboot;

import java.util.List;
import java.util.Optional;

/**
 * {@code load|fatload|ext4load mmc DEV[:PART] ADDR FILE}: copies a file from the SD card into RAM,
 * prints U-Boot's "N bytes read in T ms (R/s)" line and sets {@code filesize}. Reading takes
 * virtual time in proportion to the size.
 */
final class LoadCommand implements UBootCommand {

    @Override
    public int run(UBoot u, List<String> a) {
        if (a.size() < 5 || !a.get(1).equals("mmc")) {
            u.print("Usage:\n" + a.get(0) + " <interface> [<dev[:part]> [<addr> [<filename>]]]\n");
            return 1;
        }
        String devPart = a.get(2);
        int partition = devPart.contains(":") ? Integer.parseInt(devPart.substring(devPart.indexOf(':') + 1)) : 1;
        long address = UBootSizes.parseHex(a.get(3));
        String file = a.get(4);
        Optional<byte[]> content = u.media().read(partition, file);
        if (content.isEmpty()) {
            u.print(partition == 1 ? "** Unable to read file " + file + " **\n" : "** File not found " + file + " **\n");
            // uEnv.txt and boot.scr on the FAT partition are optional by design; a missing kernel,
            // tree or overlay on the root file system is worth telling the user about
            if (partition != 1) u.recordMissingFile(file);
            return 1;
        }
        byte[] bytes = content.get();
        if (!GuestRam.write(u.board().bus(), address, bytes)) {
            u.print("** Reading file would overwrite reserved memory **\n");
            return 1;
        }
        long ms = bytes.length / UBoot.SD_READ_BYTES_PER_MS;
        u.elapse(Math.max(ms, 0) * 1_000_000L + 200_000L);
        StringBuilder line = new StringBuilder().append(bytes.length).append(" bytes read in ").append(ms).append(" ms");
        if (ms > 0) line.append(" (").append(UBootSizes.size(bytes.length / ms * 1000, "/s")).append(")");
        u.print(line.append('\n').toString());
        u.environment().set("filesize", Long.toHexString(bytes.length));
        u.environment().set("fileaddr", Long.toHexString(address));
        return 0;
    }
}
