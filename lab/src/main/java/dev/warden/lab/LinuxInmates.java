package dev.warden.lab;

import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.emulator.el2.CpuHalted;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.hypervisor.arch.CellCpus;
import dev.warden.hypervisor.core.Cell;
import dev.warden.hypervisor.core.Hypervisor;
import dev.warden.rootcell.linux.LinuxModel;
import dev.warden.emulator.uboot.KernelHandoff;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux inmates. {@code jailhouse cell linux} leaves the loader at the cell's reset address and
 * its parameters ("kernel=0x... dtb=0x...") 4 KiB above it; where a cell starts with such
 * parameters pointing at Warden's model kernel (an arm64 Image whose body is the model's
 * description), the Linux model boots in the cell instead of the loader and kernel code, on the
 * cell's CPUs, every access going through the cell's memory path. Any other Image is a real
 * kernel: the cell's core runs the loader, and the loader the kernel.
 */
public final class LinuxInmates implements CellCpus.ModeledGuests {

    static final long PARAMS_OFFSET = 0x1000;
    static final int ARM64_MAGIC = 0x644d5241;
    /** What Warden's model kernel carries after the 64-byte Image header (ModelKernelImage). */
    static final String MODEL_MARK = "WARDEN-LINUX-MODEL";
    private static final Pattern PARAMS = Pattern.compile("kernel=(0x[0-9a-fA-F]+) dtb=(0x[0-9a-fA-F]+)");

    private final Hypervisor hv;
    private final BoardProfile.Login login;
    private final Map<String, LinuxModel> running = new HashMap<>();

    public LinuxInmates(Hypervisor hv, BoardProfile.Login rootLogin) {
        this.hv = hv;
        this.login = new BoardProfile.Login(rootLogin.hostname(), rootLogin.tty(), rootLogin.distribution(),
                rootLogin.banner(), 0);
    }

    /** The Linux running in the cell, if one was launched there. */
    public Optional<LinuxModel> in(String cellName) {
        return Optional.ofNullable(running.get(cellName));
    }

    @Override
    public boolean launch(Cell cell, int firstCpu) {
        MemoryAccess memory = hv.board().el2().memory(firstCpu);
        try {
            Matcher m = PARAMS.matcher(readString(memory, cell.config().cpuResetAddress() + PARAMS_OFFSET, 128));
            if (!m.lookingAt()) return false;
            long kernel = Long.decode(m.group(1));
            long dtb = Long.decode(m.group(2));
            if (memory.read(kernel + 0x38, 4) != ARM64_MAGIC) return false;
            if (!readString(memory, kernel + 0x40, MODEL_MARK.length()).equals(MODEL_MARK)) return false;
            long imageSize = memory.read(kernel + 0x10, 8);
            long dtbSize = Integer.reverseBytes((int) memory.read(dtb + 4, 4)) & 0xffffffffL; // big-endian totalsize
            int[] cpus = cell.cpus().stream().toArray();
            LinuxModel linux = LinuxModel.inmate(hv.board(), login, cpus);
            running.put(cell.name(), linux);
            linux.start(new KernelHandoff(kernel, imageSize, dtb, dtbSize));
            return true;
        } catch (CpuHalted parked) {
            return true; // reading its own memory already faulted: the CPU is parked
        }
    }

    @Override
    public void stopped(Cell cell) {
        LinuxModel linux = running.remove(cell.name());
        if (linux != null) linux.stop();
    }

    private static String readString(MemoryAccess memory, long address, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < max; i++) {
            int c = (int) memory.read(address + i, 1);
            if (c == 0) break;
            sb.append((char) c);
        }
        return sb.toString();
    }
}
