package dev.warden.emulator.board;

import dev.warden.emulator.bus.InterruptLine;
import dev.warden.emulator.bus.PhysicalBus;
import dev.warden.emulator.clock.Scheduler;
import dev.warden.emulator.clock.VirtualClock;
import dev.warden.emulator.console.Console;
import dev.warden.emulator.devices.gic.GicV3;
import dev.warden.emulator.devices.flash.CfiFlashBank;
import dev.warden.emulator.devices.misc.FwCfgMmio;
import dev.warden.emulator.devices.misc.Pl031Rtc;
import dev.warden.emulator.devices.misc.PrimeCellIds;
import dev.warden.emulator.devices.misc.RegisterFile;
import dev.warden.emulator.devices.pci.EcamHost;
import dev.warden.emulator.devices.pci.PciWindow;
import dev.warden.emulator.devices.virtio.VirtioMmioTransports;
import dev.warden.emulator.devices.uart.Pl011;
import dev.warden.emulator.firmware.psci.ModeledPsci;
import dev.warden.emulator.devices.uart.SerialPort;
import dev.warden.emulator.devices.uart.Uart8250;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.profile.BoardProfile.Device;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One emulated board, built from its profile: RAM, devices on the physical bus, a console on every
 * UART, the virtual clock and the event scheduler. The board advances only inside {@link #runUntil},
 * so whoever drives it (a scenario, the CLI) decides when time passes.
 */
public final class Board {

    private final BoardProfile profile;
    private final VirtualClock clock = new VirtualClock();
    private final Scheduler scheduler = new Scheduler(clock);
    private final PhysicalBus bus = new PhysicalBus();
    private final Map<String, SerialPort> uarts = new LinkedHashMap<>();
    private final Map<String, Console> consolesByUart = new LinkedHashMap<>();
    private final Map<ConsoleRole, Console> consolesByRole = new EnumMap<>(ConsoleRole.class);
    private final GicV3 gic;
    private final CpuCluster cpus;
    private final ModeledPsci psci;
    private final dev.warden.emulator.el2.El2 el2;
    private final dev.warden.emulator.console.Writer writer = new dev.warden.emulator.console.Writer();
    private Processors processors;
    private boolean poweredOff;

    public Board(BoardProfile profile) {
        this.profile = profile;
        // before the devices: the consoles tag each character with whoever writes it
        for (BoardProfile.RamBank bank : profile.ram()) bus.addRam(bank.name(), bank.base(), bank.size());
        this.gic = profile.devicesOfKind("gicv3").stream().findFirst().map(this::addGic).orElse(null);
        this.cpus = new CpuCluster(profile, clock, scheduler, gic, writer);
        this.psci = new ModeledPsci(profile.cpus().stream().map(BoardProfile.Cpu::mpidr).toList());
        this.el2 = new dev.warden.emulator.el2.El2(bus, psci, profile.cpus().stream().map(BoardProfile.Cpu::mpidr).toList());
        this.processors = cpus;
        for (Device d : profile.devices()) {
            if (!d.kind().equals("gicv3")) instantiate(d);
        }
        assignRole(ConsoleRole.PRIMARY, Optional.of(profile.consoles().primary()));
        assignRole(ConsoleRole.SECONDARY, profile.consoles().secondary());
        assignRole(ConsoleRole.HYPERVISOR, profile.consoles().hypervisor());
    }

    /** The GICv3 with one CPU interface per profile CPU, wide enough for the highest interrupt the profile names. */
    private GicV3 addGic(Device d) {
        int highest = profile.devices().stream().mapToInt(Device::irq).max().orElse(0);
        int lines = Math.min(1024, Math.max(256, (highest / 32 + 1) * 32));
        long[] mpidrs = profile.cpus().stream().mapToLong(BoardProfile.Cpu::mpidr).toArray();
        GicV3.IrqOutput[] outputs = new GicV3.IrqOutput[mpidrs.length];
        for (int i = 0; i < outputs.length; i++) {
            int core = i;
            outputs[i] = level -> cpus.irq(core, level);
        }
        GicV3 g = new GicV3(lines, mpidrs, outputs);
        bus.addDevice(d.name() + "-gicd", d.regions().get(0).base(), d.regions().get(0).size(), g.distributor());
        if (d.regions().size() > 1) {
            BoardProfile.Region r = d.regions().get(1);
            bus.addDevice(d.name() + "-gicr", r.base(), Math.min(r.size(), g.redistributors().size()), g.redistributors());
        }
        return g;
    }

    private InterruptLine spi(Device d) {
        if (gic == null || d.irq() < 32 || d.irq() >= gic.interruptCount()) return InterruptLine.UNCONNECTED;
        return level -> gic.setSpi(d.irq(), level);
    }

    private void instantiate(Device d) {
        switch (d.kind()) {
            case "uart-8250" -> addUart(d, new Uart8250(d.name(), d.regShift(), spi(d)));
            case "pl011" -> addUart(d, new Pl011(d.name(), spi(d)));
            case "cfi-flash" -> addEach(d, () -> new CfiFlashBank());
            case "pcie-ecam" -> {
                // the ECAM first, then the host's memory and I/O windows
                addRegion(d, 0, new EcamHost(d.pciFunctions()));
                for (int i = 1; i < d.regions().size(); i++) addRegion(d, i, new PciWindow());
            }
            case "pl031" -> addEach(d, () -> new Pl031Rtc(clock::now));
            case "pl061" -> addEach(d, () -> new RegisterFile(PrimeCellIds.registers(PrimeCellIds.PL061, Map.of())));
            case "fw-cfg" -> addEach(d, () -> new FwCfgMmio(profile.cpus().size()));
            case "virtio-mmio" -> addEach(d, VirtioMmioTransports::new);
            default -> {
                // Register windows of devices without a behavioural model: present, readable, inert.
                for (int i = 0; i < d.regions().size(); i++) {
                    BoardProfile.Region r = d.regions().get(i);
                    bus.addDevice(d.name() + (i == 0 ? "" : "#" + i), r.base(), r.size(), new RegisterFile(Map.of()));
                }
            }
        }
    }

    /** One model instance per register window of the device. */
    private void addEach(Device d, java.util.function.Supplier<dev.warden.emulator.bus.MmioDevice> model) {
        for (int i = 0; i < d.regions().size(); i++) addRegion(d, i, model.get());
    }

    private void addRegion(Device d, int index, dev.warden.emulator.bus.MmioDevice model) {
        BoardProfile.Region r = d.regions().get(index);
        bus.addDevice(d.name() + (index == 0 ? "" : "#" + index), r.base(), r.size(), model);
    }

    private void addUart(Device d, SerialPort uart) {
        bus.addDevice(d.name(), d.primary().base(), d.primary().size(), (dev.warden.emulator.bus.MmioDevice) uart);
        uarts.put(d.name(), uart);
        consolesByUart.put(d.name(), new Console(d.name(), d.name(), clock, uart, writer));
    }

    private void assignRole(ConsoleRole role, Optional<String> uartName) {
        uartName.map(consolesByUart::get).ifPresent(c -> consolesByRole.put(role, c));
    }

    public BoardProfile profile() { return profile; }

    public VirtualClock clock() { return clock; }

    public Scheduler scheduler() { return scheduler; }

    public PhysicalBus bus() { return bus; }

    public Console console(ConsoleRole role) {
        Console c = consolesByRole.get(role);
        if (c == null) throw new IllegalArgumentException("board " + profile.name() + " has no " + role.name().toLowerCase() + " console");
        return c;
    }

    public Optional<Console> consoleOfUart(String uartName) {
        return Optional.ofNullable(consolesByUart.get(uartName));
    }

    public Map<String, Console> consoles() {
        return Map.copyOf(consolesByUart);
    }

    public Optional<SerialPort> uart(String name) {
        return Optional.ofNullable(uarts.get(name));
    }

    /** Who writes to the UARTs now (modeled code, the hypervisor, an emulated core). */
    public dev.warden.emulator.console.Writer writer() { return writer; }

    /** The board's emulated cores, started by whoever runs real code on them. */
    public CpuCluster cpus() { return cpus; }

    /** The PSCI firmware's power states (what modeled guests' PSCI calls change when no hypervisor traps them). */
    public ModeledPsci psci() { return psci; }

    /** Exception level 2 as modeled guests (the root-cell Linux) reach it: hypercalls, SMCs, their memory path. */
    public dev.warden.emulator.el2.El2 el2() { return el2; }

    /** The interrupt controller, if the board has one. */
    public java.util.Optional<GicV3> gic() { return java.util.Optional.ofNullable(gic); }

    /**
     * Runs the board until {@code condition} holds or virtual time reaches {@code deadlineNanos}.
     * The condition is checked after every event and every slice of CPU execution.
     *
     * @return whether the condition held
     */
    public boolean runUntil(BooleanSupplier condition, long deadlineNanos) {
        while (!condition.getAsBoolean()) {
            String why = abandoned;
            if (why != null) throw new IllegalStateException("board " + profile.name() + " abandoned: " + why);
            if (clock.now() >= deadlineNanos) return false;
            if (poweredOff) {
                // nothing runs on a board without power; time still passes for whoever waits
                clock.advanceTo(deadlineNanos);
                return condition.getAsBoolean();
            }
            long next = Math.min(scheduler.nextEventTime(), deadlineNanos);
            if (processors.anyRunnable()) {
                processors.runUntil(next);
            } else {
                clock.advanceTo(Math.max(clock.now(), next));
            }
            scheduler.runDue();
        }
        return true;
    }

    /**
     * Cuts the power (the root kernel's poweroff, PSCI SYSTEM_OFF): no core runs and no event fires
     * any more; the consoles keep what they showed.
     */
    public void powerOff() {
        poweredOff = true;
    }

    public boolean isPoweredOff() { return poweredOff; }

    private volatile String abandoned;

    /**
     * Gives the board up (the wall-clock watchdog found it hung): a run in progress ends with an
     * IllegalStateException at its next step between events or slices, and no run starts again.
     */
    public void abandon(String why) {
        abandoned = why;
    }

    /** Lets {@code nanos} of virtual time pass. */
    public void runFor(long nanos) {
        long deadline = clock.now() + nanos;
        runUntil(() -> false, deadline);
    }
}
