package dev.warden.emulator.el2;

import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.emulator.bus.PhysicalBus;
import dev.warden.emulator.firmware.psci.ModeledPsci;
import dev.warden.emulator.firmware.psci.PsciFirmware;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exception level 2 of a board, as its modeled guests meet it. Before any hypervisor runs, a
 * modeled kernel's accesses go straight to the physical bus, its {@code smc} calls reach the
 * board's PSCI firmware and its {@code hvc} calls the kernel's own stub, which knows no Jailhouse
 * call. A kernel installs a hypervisor by copying the firmware image to memory and calling its
 * entry on every CPU; from then on its traps and accesses go to the installed {@link El2Handler}.
 */
public final class El2 {

    /** Bytes of an image's signature, at offset 0 of the image (Jailhouse's "JAILHOUS"). */
    public static final int SIGNATURE_BYTES = 8;

    private final PhysicalBus bus;
    private final ModeledPsci psci;
    private final List<Long> mpidrs;
    private final ModeledCpu[] cpus;
    private final Map<String, El2Firmware> firmware = new HashMap<>();
    private El2Handler handler;

    public El2(PhysicalBus bus, ModeledPsci psci, List<Long> mpidrs) {
        this.bus = bus;
        this.psci = psci;
        this.mpidrs = List.copyOf(mpidrs);
        this.cpus = new ModeledCpu[mpidrs.size()];
        for (int i = 0; i < cpus.length; i++) cpus[i] = new ModeledCpu(i);
    }

    /** The registers of board CPU {@code index} while it runs modeled code. */
    public ModeledCpu cpu(int index) {
        return cpus[index];
    }

    public int cpuCount() {
        return cpus.length;
    }

    /** Names the software behind images that start with {@code signature} (8 bytes, e.g. "JAILHOUS"). */
    public void register(String signature, El2Firmware software) {
        if (signature.length() != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("a firmware signature has " + SIGNATURE_BYTES + " bytes: " + signature);
        }
        firmware.put(signature, software);
    }

    /**
     * CPU {@code cpu} branches to the entry of the image at {@code imageBase}. An image nobody
     * registered is not code Warden can run: the call returns -ENOEXEC.
     */
    public int enter(int cpu, long imageBase) {
        byte[] sig = new byte[SIGNATURE_BYTES];
        for (int i = 0; i < sig.length; i++) sig[i] = (byte) bus.read(imageBase + i, 1);
        El2Firmware software = firmware.get(new String(sig, StandardCharsets.ISO_8859_1));
        if (software == null) return (int) Errno.ENOEXEC.asReturn();
        return software.enter(this, cpus[cpu], imageBase);
    }

    /** The hypervisor takes EL2: traps and accesses of modeled code go to it from now on. */
    public void install(El2Handler h) {
        this.handler = h;
    }

    /** The hypervisor left EL2 (disabled): modeled code reaches the bus and the firmware again. */
    public void uninstall() {
        this.handler = null;
    }

    public Optional<El2Handler> handler() {
        return Optional.ofNullable(handler);
    }

    /** {@code hvc #imm} on a modeled CPU. Without a hypervisor the kernel's stub answers -ENOSYS. */
    public void hvc(ModeledCpu cpu, int imm) {
        if (handler != null) handler.hvc(cpu, imm);
        else cpu.x(0, Errno.ENOSYS.asReturn());
    }

    /** {@code smc #imm} on a modeled CPU: trapped by the hypervisor, else answered by PSCI firmware. */
    public void smc(ModeledCpu cpu, int imm) {
        if (handler != null) {
            handler.smc(cpu, imm);
            return;
        }
        cpu.x(0, firmwarePsci(cpu));
    }

    /** The physical memory path of modeled code on {@code cpu}. */
    public MemoryAccess memory(int cpu) {
        return handler != null ? handler.memory(cpus[cpu]) : bus;
    }

    /** PSCI as the board's firmware answers it for modeled code. */
    private long firmwarePsci(ModeledCpu cpu) {
        int fn = (int) cpu.x(0);
        long target = cpu.x(1) & 0xff00ffffffL;
        return switch (fn) {
            case PsciFirmware.VERSION -> 0x10001;
            case PsciFirmware.CPU_ON_32, PsciFirmware.CPU_ON_64 -> psci.cpuOn(target);
            case PsciFirmware.CPU_OFF -> {
                psci.cpuOff(mpidrs.get(cpu.index()));
                yield PsciFirmware.SUCCESS;
            }
            case PsciFirmware.AFFINITY_INFO_32, PsciFirmware.AFFINITY_INFO_64 -> psci.affinityInfo(target);
            default -> PsciFirmware.NOT_SUPPORTED;
        };
    }
}
