package dev.warden.hardening.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.warden.devicetree.FdtException;
import dev.warden.devicetree.blob.FdtBlob;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.devicetree.print.DtsPrinter;
import dev.warden.devicetree.print.UbootFdtPrinter;

/**
 * Device-tree blobs ({@code .dtb}/{@code .dtbo}): reading fails with an {@link FdtException} naming
 * the file, the offset and the libfdt error, or gives a tree that prints as DTS (as {@code warden dt
 * print}), prints as U-Boot's {@code fdt print} does and writes back to a blob that reads again.
 */
class DeviceTreeFuzzTest {
    private static final String NAME = "fuzz.dtb";

    @FuzzTest(maxDuration = FuzzBudget.LONG)
    void readPrintWrite(byte[] data) {
        try {
            FdtBlob blob = FdtBlob.load(data, NAME);
            if (blob.headerError() == null) {
                String uboot = UbootFdtPrinter.print(blob, "/", 0x88000000L);
                CleanErrors.requireProportional(uboot.length(), data.length, 64, "fdt print");
            }
        } catch (FdtException e) {
            CleanErrors.requireNamed(e, NAME + ": ");
        }
        DeviceTree tree;
        try {
            tree = DeviceTree.read(data, NAME);
        } catch (FdtException e) {
            CleanErrors.requireNamed(e, NAME + ": ");
            return;
        }
        String dts = DtsPrinter.print(tree);
        CleanErrors.requireProportional(dts.length(), data.length, 64, "the DTS text");
        byte[] again = tree.toDtb();
        DeviceTree reread = DeviceTree.read(again, "written.dtb");
        if (!DtsPrinter.print(reread).equals(dts)) {
            throw new AssertionError("the tree written back prints differently");
        }
    }
}
