package dev.warden.emulator.uboot;

import dev.warden.devicetree.FdtError;
import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.devicetree.overlay.OverlayResult;
import dev.warden.devicetree.overlay.Overlays;
import java.util.List;
import java.util.Optional;

/**
 * {@code fdt addr|resize|apply} on device trees in board RAM, with libfdt's semantics: the blob is
 * read from RAM, edited, and written back, so a failed apply leaves the poisoned tree in RAM and a
 * reused overlay buffer is rejected, exactly as on the board (shared/specs/dt-k3-facts.md §3.2).
 */
final class FdtCommand implements UBootCommand {

    /** U-Boot will not believe a header that claims more than this. */
    private static final long MAX_BLOB = 16L << 20;

    private Long working;

    Optional<Long> workingAddress() {
        return Optional.ofNullable(working);
    }

    @Override
    public int run(UBoot u, List<String> a) {
        if (a.size() < 2) return usage(u);
        String sub = a.get(1);
        if ("address".startsWith(sub) && sub.length() >= 3) return address(u, a);
        if (working == null) {
            u.print("No FDT memory address configured. Please configure\n"
                    + "the FDT address via \"fdt addr <address>\" command.\nAborting!\n");
            return 1;
        }
        if ("resize".startsWith(sub) && sub.length() >= 3) return resize(u, a);
        if ("apply".startsWith(sub) && sub.length() >= 2) return apply(u, a);
        return usage(u);
    }

    private int usage(UBoot u) {
        u.print("Usage:\nfdt - flattened device tree utility commands\n");
        return 1;
    }

    private int address(UBoot u, List<String> a) {
        if (a.size() < 3) {
            if (working == null) return usage(u);
            u.print(String.format("The address of the fdt is %x\n", working));
            return 0;
        }
        long addr = UBootSizes.parseHex(a.get(2));
        FdtBlob blob = readBlob(u, addr, GuestRam.be32(u.board().bus(), addr + 4));
        FdtError err = blob.headerError();
        if (err != null) {
            u.print("libfdt fdt_check_header(): " + err.name() + "\n");
            return 1;
        }
        working = addr;
        u.environment().set("fdtaddr", Long.toHexString(addr));
        if (printsWorkingFdt(u)) u.print(String.format("Working FDT set to %x\n", addr));
        return 0;
    }

    /** U-Boot releases from 2023 on announce the working FDT; the TI 2019/2020 trees do not. */
    private static boolean printsWorkingFdt(UBoot u) {
        String v = u.board().profile().boot().ubootVersion();
        try {
            return Integer.parseInt(v.substring(0, 4)) >= 2023;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private int resize(UBoot u, List<String> a) {
        long extra = a.size() > 2 ? UBootSizes.parseHex(a.get(2)) : 0;
        FdtBlob blob = workingBlob(u);
        FdtError err = blob.headerError();
        if (err != null) {
            u.print("libfdt fdt_check_header(): " + err.name() + "\n");
            return 1;
        }
        int newSize = blob.resize(extra, working);
        byte[] bytes = blob.buffer();
        GuestRam.write(u.board().bus(), working, java.util.Arrays.copyOf(bytes, Math.min(newSize, bytes.length)));
        return 0;
    }

    private int apply(UBoot u, List<String> a) {
        if (a.size() != 3) return usage(u);
        long ovAddr = UBootSizes.parseHex(a.get(2));
        FdtBlob overlay = readBlob(u, ovAddr, GuestRam.be32(u.board().bus(), ovAddr + 4));
        FdtError ovErr = overlay.headerError();
        if (ovErr != null) {
            u.print("libfdt fdt_check_header(): " + ovErr.name() + "\n");
            return 1;
        }
        FdtBlob base = workingBlob(u);
        OverlayResult result = Overlays.applyInPlace(base, overlay);
        GuestRam.write(u.board().bus(), working, base.buffer());
        GuestRam.write(u.board().bus(), ovAddr, overlay.buffer());
        if (result.ok()) return 0;
        u.print("failed on fdt_overlay_apply(): " + result.errorName() + "\n");
        if (!result.baseHadSymbols()) {
            u.print("base fdt does did not have a /__symbols__ node\nmake sure you've compiled with -@\n");
        }
        return 1;
    }

    /** The working tree as it sits in RAM: its buffer is exactly its header's totalsize. */
    private FdtBlob workingBlob(UBoot u) {
        long size = GuestRam.be32(u.board().bus(), working + 4);
        return readBlob(u, working, size);
    }

    private static FdtBlob readBlob(UBoot u, long address, long size) {
        int length = (int) Math.max(0x28, Math.min(size, MAX_BLOB));
        return FdtBlob.load(GuestRam.read(u.board().bus(), address, length), String.format("fdt@%x", address));
    }
}
