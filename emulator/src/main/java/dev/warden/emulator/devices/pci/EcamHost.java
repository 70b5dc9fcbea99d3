package dev.warden.emulator.devices.pci;

import dev.warden.emulator.bus.MmioDevice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ECAM window of a generic PCIe host ({@code pci-host-ecam-generic}, QEMU virt's at
 * 0x4010000000 with 256 buses) with the functions it is built with. Of each function's
 * configuration header only what identifies it is modeled: vendor/device ID, class code and
 * revision, and the command register's I/O, memory and bus-master enables (they stick, as on
 * QEMU); the rest of the 256-byte header reads zero and ignores writes, and the extended space
 * above it reads all ones (conventional PCI functions have none). A function that is not there
 * reads all ones, which is how PCI says "nothing here".
 */
public final class EcamHost implements MmioDevice {

    public static final long FUNCTION_SIZE = 0x1000;
    private static final int HEADER_SIZE = 0x100;
    private static final int ID = 0x00, COMMAND = 0x04, CLASS_REVISION = 0x08;
    private static final long COMMAND_ENABLES = 0x7;

    private final Map<Integer, PciFunction> functions = new HashMap<>();
    private final Map<Integer, Long> commands = new HashMap<>();

    public EcamHost(List<PciFunction> functions) {
        for (PciFunction f : functions) this.functions.put(f.ecamIndex(), f);
    }

    /** QEMU's plain {@code -M virt}: the host bridge (1b36:0008) at 00:00.0 and the default virtio-net (1af4:1000) at 00:01.0. */
    public static EcamHost qemuVirtDefaults() {
        return new EcamHost(List.of(new PciFunction(0, 0, 0, 0x1b36, 0x0008, 0x060000, 0),
                new PciFunction(0, 1, 0, 0x1af4, 0x1000, 0x020000, 0)));
    }

    /** QEMU's {@code -M virt -nic none}: the host bridge alone. */
    public static EcamHost qemuVirtWithoutNic() {
        return new EcamHost(List.of(new PciFunction(0, 0, 0, 0x1b36, 0x0008, 0x060000, 0)));
    }

    @Override
    public long read(long offset, int size) {
        if (size == 8) return read(offset, 4) | read(offset + 4, 4) << 32;
        long bits = (1L << (8 * size)) - 1;
        int index = (int) (offset / FUNCTION_SIZE);
        PciFunction f = functions.get(index);
        int register = (int) (offset % FUNCTION_SIZE);
        if (f == null || register >= HEADER_SIZE) return bits;
        long dword = switch (register & ~3) {
            case ID -> (long) f.deviceId() << 16 | f.vendorId();
            case COMMAND -> commands.getOrDefault(index, 0L);
            case CLASS_REVISION -> (long) f.classCode() << 8 | f.revision();
            default -> 0;
        };
        return (dword >>> (8 * (register & 3))) & bits;
    }

    @Override
    public void write(long offset, int size, long value) {
        int index = (int) (offset / FUNCTION_SIZE);
        int register = (int) (offset % FUNCTION_SIZE);
        if (!functions.containsKey(index) || (register & ~3) != COMMAND || size == 8) return;
        long shifted = value << (8 * (register & 3));
        long mask = ((1L << (8 * size)) - 1) << (8 * (register & 3)) & COMMAND_ENABLES;
        long old = commands.getOrDefault(index, 0L);
        commands.put(index, (old & ~mask) | (shifted & mask));
    }
}
