package dev.warden.hypervisor.setup;

import dev.warden.config.CellConfigs;
import dev.warden.config.ConfigFormatException;
import dev.warden.config.ConfigConverter;
import dev.warden.config.ConfigFormat;
import dev.warden.config.JailhouseConfig;
import dev.warden.config.SystemConfig;
import dev.warden.emulator.board.Board;
import dev.warden.emulator.bus.MemoryAccess;
import dev.warden.emulator.bus.Ram;
import dev.warden.emulator.el2.El2;
import dev.warden.emulator.el2.El2Firmware;
import dev.warden.emulator.el2.Errno;
import dev.warden.emulator.el2.ModeledCpu;
import dev.warden.hypervisor.arch.ModeledTraps;
import dev.warden.hypervisor.console.HypervisorConsole;
import dev.warden.hypervisor.core.Hypervisor;
import dev.warden.hypervisor.core.HypervisorError;
import dev.warden.hypervisor.core.Personality;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What Warden runs in place of jailhouse.bin's machine code when a CPU calls the image's entry
 * (hypervisor/setup.c, arch_entry): the first CPU to arrive reads the header and the system
 * configuration the driver copied into hypervisor memory and does the early setup; every CPU
 * initialises itself; the last of the online CPUs the header counts does the late setup and
 * activates the hypervisor, which from then on receives the root kernel's traps. An error
 * fails the CPUs that arrive after it, as they would find the init state failed.
 */
public final class JailhouseFirmware implements El2Firmware {

    public static final String SIGNATURE = "JAILHOUS";

    private final Board board;
    private final List<Consumer<Hypervisor>> activated = new ArrayList<>();
    private final List<Consumer<Hypervisor>> gone = new ArrayList<>();
    private Hypervisor starting;
    private Hypervisor active;
    private int arrived;
    private int error;

    private JailhouseFirmware(Board board) {
        this.board = board;
    }

    /** Puts the Jailhouse model behind every image signed "JAILHOUS" that this board's kernel loads. */
    public static JailhouseFirmware install(Board board) {
        JailhouseFirmware fw = new JailhouseFirmware(board);
        board.el2().register(SIGNATURE, fw);
        return fw;
    }

    /** Told when the hypervisor is activated (all CPUs entered), so cores and modeled guests can follow it. */
    public void onActivated(Consumer<Hypervisor> listener) {
        activated.add(listener);
    }

    /** Told when the hypervisor has been disabled (the last CPU left). */
    public void onDisabled(Consumer<Hypervisor> listener) {
        gone.add(listener);
    }

    /** The hypervisor while it is active. */
    public Optional<Hypervisor> hypervisor() {
        return Optional.ofNullable(active).filter(Hypervisor::isEnabled);
    }

    @Override
    public int enter(El2 el2, ModeledCpu cpu, long imageBase) {
        MemoryAccess memory = board.bus();
        HypervisorHeader header = HypervisorHeader.read(memory, imageBase);
        try {
            if (arrived == 0) {
                error = 0;
                starting = early(header, memory, cpu.index());
            }
            arrived++;
            if (error != 0) return error;
            starting.cpuInit(cpu.index());
            if (arrived == header.onlineCpus()) {
                starting.initLate();
                activate(el2, starting);
            }
            return 0;
        } catch (HypervisorError e) {
            error = (int) e.errno().asReturn();
            return error;
        } finally {
            if (arrived >= header.onlineCpus()) arrived = 0;
        }
    }

    private Hypervisor early(HypervisorHeader header, MemoryAccess memory, int master) {
        Personality personality = Personality.ofImageVersion(HypervisorHeader.version(memory, header.base()));
        SystemConfig system = readSystem(header, personality);
        HypervisorConsole console = new HypervisorConsole(system.debugConsole(), board.bus(),
                header.base() + header.consolePage(), (system.flags() & SYS_VIRTUAL_DEBUG_CONSOLE) != 0);
        return Hypervisor.initEarly(board, forModel(system), personality, console, master, system, header.coreSize());
    }

    static final long SYS_VIRTUAL_DEBUG_CONSOLE = 0x1;

    /** The system configuration as the driver left it in hypervisor memory. */
    private SystemConfig readSystem(HypervisorHeader header, Personality personality) {
        long at = header.systemConfig();
        Optional<Ram> ram = board.bus().ramAt(at);
        if (ram.isEmpty()) throw new HypervisorError(Errno.EINVAL, String.format("no RAM at 0x%x for the configuration", at));
        long end = Math.min(ram.get().base() + ram.get().size(), at + 0x40000);
        byte[] bytes = ram.get().copyOut(at, (int) (end - at));
        try {
            JailhouseConfig config = CellConfigs.decodeLeading(bytes, "system configuration",
                    personality.release().configFormat());
            if (!(config instanceof SystemConfig s)) throw new HypervisorError(Errno.EINVAL, "not a system configuration");
            return s;
        } catch (ConfigFormatException e) {
            throw new HypervisorError(Errno.EINVAL, e.getMessage());
        }
    }

    /** The model works in revision-14 meanings, whatever layout the release's files have. */
    private static SystemConfig forModel(SystemConfig config) {
        return config.format() == ConfigFormat.REV14 ? config : (SystemConfig) ConfigConverter.toRevision14(config);
    }

    private void activate(El2 el2, Hypervisor hv) {
        active = hv;
        starting = null;
        el2.install(new ModeledTraps(hv, el2, () -> {
            el2.uninstall();
            active = null;
            for (Consumer<Hypervisor> l : gone) l.accept(hv);
        }));
        for (Consumer<Hypervisor> l : activated) l.accept(hv);
    }
}
