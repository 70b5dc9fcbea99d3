package dev.warden.emulator.run;

import dev.warden.emulator.bus.PhysicalBus;
import dev.warden.emulator.bus.Ram;
import dev.warden.emulator.clock.Scheduler;
import dev.warden.emulator.clock.VirtualClock;
import dev.warden.emulator.cpu.Cpu;
import dev.warden.emulator.cpu.Outcome;
import dev.warden.emulator.cpu.PhysicalBusPort;
import dev.warden.emulator.cpu.TrapHandler;
import dev.warden.emulator.devices.flash.CfiFlashBank;
import dev.warden.emulator.devices.gic.GicV3;
import dev.warden.emulator.devices.misc.FwCfgMmio;
import dev.warden.emulator.devices.misc.Pl031Rtc;
import dev.warden.emulator.devices.misc.PrimeCellIds;
import dev.warden.emulator.devices.misc.RegisterFile;
import dev.warden.emulator.devices.pci.EcamHost;
import dev.warden.emulator.devices.pci.PciWindow;
import dev.warden.emulator.devices.virtio.VirtioMmioTransports;
import dev.warden.emulator.devices.uart.Pl011;
import dev.warden.emulator.devices.timer.GenericTimer;
import dev.warden.emulator.firmware.psci.PsciFirmware;
import dev.warden.emulator.firmware.psci.PsciPlatform;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A single-core machine laid out like QEMU's {@code -M virt,gic-version=3 -cpu cortex-a53 -m 128}
 * for running a bare-metal image without the hypervisor: the two empty CFI flash banks at 0x0
 * (a stray read of a small address reads zero, as on QEMU), RAM at 0x40000000, GICv3 distributor
 * at 0x08000000 and redistributor at 0x080a0000, a PL011 at 0x09000000, the empty virtio-mmio
 * transports at 0x0a000000, the PL031 RTC, fw-cfg and PL061 GPIO at 0x09010000..0x09030000, the PCIe host (ECAM at 0x4010000000 with the host bridge and the
 * default virtio-net, its memory and I/O windows reading all ones), the generic timer at
 * 62.5 MHz, PSCI over HVC. Time is virtual: one instruction is one nanosecond, and WFI jumps to
 * the next timer deadline (QEMU {@code -icount shift=0,sleep=off}).
 */
public final class BareMetalMachine {

    public static final long RAM_BASE = 0x40000000L;
    public static final long DEFAULT_RAM_SIZE = 128L << 20;
    public static final long FLAT_LOAD_ADDRESS = RAM_BASE + 0x80000;
    public static final long FLASH_BASE = 0x0L;
    public static final long ECAM_BASE = 0x4010000000L;
    public static final long ECAM_SIZE = 0x10000000L;
    public static final long GICD_BASE = 0x08000000L;
    public static final long GICR_BASE = 0x080a0000L;
    public static final long UART_BASE = 0x09000000L;
    public static final long RTC_BASE = 0x09010000L, FW_CFG_BASE = 0x09020000L, GPIO_BASE = 0x09030000L;
    public static final long TIMER_FREQUENCY = 62_500_000L;
    /** QEMU's PSTATE for an EL1 start: Z set, DAIF masked, EL1h. */
    public static final long RESET_PSTATE = 0x400003c5L;
    /** Interrupt IDs 0..255, as QEMU virt's GICD_TYPER reports (ITLinesNumber = 7). */
    private static final int INTERRUPTS = 256;
    private static final int PPI_VIRTUAL_TIMER = 27, PPI_PHYSICAL_TIMER = 30;
    /** QEMU virt wires the PL011 to SPI 1. */
    private static final int UART_INTERRUPT = 33;

    /** Why a run ended. */
    public enum Stop { SYSTEM_OFF, SYSTEM_RESET, INSTRUCTION_LIMIT, TIME_LIMIT, HALTED, REQUESTED }

    /** How a run ended, and how long it took in instructions and virtual time. */
    public record RunResult(Stop stop, long instructions, long virtualNanos) { }

    private final VirtualClock clock = new VirtualClock();
    private final Scheduler scheduler = new Scheduler(clock);
    private final PhysicalBus bus = new PhysicalBus();
    private final Ram ram;
    private final Cpu cpu;
    private final GicV3 gic;
    private final GenericTimer timer;
    private final PsciFirmware psci;
    private final Pl011 uart;
    private final ByteArrayOutputStream uartOutput = new ByteArrayOutputStream();
    private IntConsumer uartListener = b -> { };
    private Stop systemStop;
    private long countBase;

    public BareMetalMachine() {
        this(DEFAULT_RAM_SIZE);
    }

    public BareMetalMachine(long ramSize) {
        this(ramSize, true);
    }

    /**
     * @param ramSize   bytes of RAM at 0x40000000 (QEMU's -m)
     * @param virtioNet whether the PCIe bus has QEMU's default virtio-net at 00:01.0 (false: {@code -nic none})
     */
    public BareMetalMachine(long ramSize, boolean virtioNet) {
        ram = bus.addRam("ram", RAM_BASE, ramSize);
        cpu = new Cpu(0, new PhysicalBusPort(bus));
        gic = new GicV3(INTERRUPTS, new long[] {0}, new GicV3.IrqOutput[] {cpu::setIrqLine});
        bus.addDevice("gicd", GICD_BASE, 0x10000, gic.distributor());
        bus.addDevice("gicr", GICR_BASE, gic.redistributors().size(), gic.redistributors());
        uart = new Pl011("pl011", level -> gic.setSpi(UART_INTERRUPT, level));
        uart.attach(b -> {
            uartOutput.write(b);
            uartListener.accept(b);
        });
        bus.addDevice("pl011", UART_BASE, 0x1000, uart);
        bus.addDevice("flash0", FLASH_BASE, CfiFlashBank.BANK_SIZE, new CfiFlashBank());
        bus.addDevice("flash1", FLASH_BASE + CfiFlashBank.BANK_SIZE, CfiFlashBank.BANK_SIZE, new CfiFlashBank());
        bus.addDevice("virtio-mmio", VirtioMmioTransports.QEMU_VIRT_BASE, VirtioMmioTransports.QEMU_VIRT_SIZE, new VirtioMmioTransports());
        bus.addDevice("pcie-ecam", ECAM_BASE, ECAM_SIZE, virtioNet ? EcamHost.qemuVirtDefaults() : EcamHost.qemuVirtWithoutNic());
        // The rest of QEMU virt's platform devices that a Linux kernel probes from the tree.
        bus.addDevice("pl031", RTC_BASE, 0x1000, new Pl031Rtc(this::now));
        bus.addDevice("fw-cfg", FW_CFG_BASE, 0x18, new FwCfgMmio(1));
        bus.addDevice("pl061", GPIO_BASE, 0x1000, new RegisterFile(PrimeCellIds.registers(PrimeCellIds.PL061, Map.of())));
        bus.addDevice("pcie-mmio", 0x10000000L, 0x2eff0000L, new PciWindow());
        bus.addDevice("pcie-pio", 0x3eff0000L, 0x10000L, new PciWindow());
        bus.addDevice("pcie-mmio-high", 0x8000000000L, 0x8000000000L, new PciWindow());
        timer = new GenericTimer(TIMER_FREQUENCY, this::now, scheduler,
                level -> gic.setPpi(0, PPI_PHYSICAL_TIMER, level), level -> gic.setPpi(0, PPI_VIRTUAL_TIMER, level));
        cpu.addSysregDevice(gic.cpuInterface(0));
        cpu.addSysregDevice(timer);
        psci = new PsciFirmware(new PsciPlatform() {
            @Override
            public Cpu cpu(long mpidr) { return mpidr == cpu.mpidr() ? cpu : null; }

            @Override
            public void systemOff(Cpu caller) { systemStop = Stop.SYSTEM_OFF; }

            @Override
            public void systemReset(Cpu caller) {
                systemStop = Stop.SYSTEM_RESET;
                caller.halt();
            }
        }, 1, 1);
        cpu.setTrapHandler(new TrapHandler() {
            @Override
            public Outcome hvc(Cpu c, int imm) {
                // QEMU virt without EL2 answers PSCI function IDs over HVC; every other HVC is undefined.
                return PsciFirmware.isPsciCall(c.x(0)) ? psci.call(c) : Outcome.UNDEFINED;
            }
        });
    }

    /** Loads an image (ELF or flat binary) and resets the core to its entry, as QEMU does at power-on. */
    public ImageLoader.LoadedImage load(String name, byte[] image) {
        ImageLoader.LoadedImage loaded = ImageLoader.load(name, image, bus, FLAT_LOAD_ADDRESS);
        cpu.codeCache().invalidateAll();
        cpu.reset(loaded.entry(), RESET_PSTATE);
        return loaded;
    }

    /**
     * Boots an arm64 Linux Image as QEMU's {@code -kernel -dtb -initrd -append} does (see
     * {@link LinuxBoot}): the core starts at the Image's entry at EL1 with x0 = the tree.
     */
    public LinuxBoot.Placement bootLinux(byte[] image, byte[] dtb, byte[] initrd, String append) {
        LinuxBoot.Placement placed = LinuxBoot.place(bus, RAM_BASE, ram.size(), image, dtb, initrd, append);
        cpu.codeCache().invalidateAll();
        cpu.reset(placed.entry(), RESET_PSTATE);
        cpu.setX(0, placed.dtbAddress());
        return placed;
    }

    /** Ends the run after the current instruction (a console script saw what it waited for). */
    public void requestStop() {
        systemStop = Stop.REQUESTED;
        cpu.requestExit();
    }

    /** Types text on the PL011, as a terminal on the serial line does. */
    public void type(String text) {
        uart.receive(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** Virtual time now, exact in the middle of a run: the clock plus what the core executed since. */
    public long now() {
        return clock.now() + (cpu.instructionCount() - countBase);
    }

    /** Runs until SYSTEM_OFF/RESET, the instruction limit, or a halt nothing can end. */
    public RunResult run(long maxInstructions) {
        return run(maxInstructions, null);
    }

    /** As {@link #run(long)}, recording the register file before every instruction when a tracer is given. */
    public RunResult run(long maxInstructions, TraceWriter trace) {
        return run(maxInstructions, Long.MAX_VALUE, trace);
    }

    /**
     * As {@link #run(long, TraceWriter)}, also cut off when virtual time reaches {@code maxVirtualNanos}
     * ({@link Stop#TIME_LIMIT}): a guest that never stops, an infinite loop with interrupts masked,
     * ends there; {@link #coreReport()} then says where the core stopped.
     */
    public RunResult run(long maxInstructions, long maxVirtualNanos, TraceWriter trace) {
        long executed = 0;
        while (systemStop == null && executed < maxInstructions) {
            syncClock();
            if (clock.now() >= maxVirtualNanos) return result(Stop.TIME_LIMIT, executed);
            if (cpu.isHalted() && !cpu.isWaitingForInterrupt()) return result(Stop.HALTED, executed);
            if (!cpu.poll()) {
                if (!cpu.isWaitingForInterrupt()) continue;
                long next = scheduler.nextEventTime();
                if (next == Long.MAX_VALUE) return result(Stop.HALTED, executed);
                if (next > maxVirtualNanos) {
                    clock.advanceTo(Math.max(clock.now(), maxVirtualNanos));
                    return result(Stop.TIME_LIMIT, executed);
                }
                // WFI with nothing pending: time jumps to the next event.
                clock.advanceTo(next);
                scheduler.runDue();
                continue;
            }
            long next = scheduler.nextEventTime();
            long budget = Math.min(maxInstructions - executed, Math.min(next, maxVirtualNanos) - clock.now());
            if (trace != null) {
                trace.record(cpu.registers());
                budget = 1;
            }
            executed += cpu.run(Math.max(1, budget));
            syncClock();
            scheduler.runDue();
        }
        return result(systemStop != null ? systemStop : Stop.INSTRUCTION_LIMIT, executed);
    }

    /** Moves the clock by what the core executed since the last call. */
    private void syncClock() {
        clock.advanceTo(now());
        countBase = cpu.instructionCount();
    }

    private RunResult result(Stop stop, long executed) {
        return new RunResult(stop, executed, clock.now());
    }

    public Cpu cpu() { return cpu; }

    /** Where the core stopped: state, PC, exception level, interrupt mask, instructions. */
    public String coreReport() {
        return dev.warden.emulator.board.CoreReport.line(0, cpu);
    }

    public PhysicalBus bus() { return bus; }

    public Ram ram() { return ram; }

    public GicV3 gic() { return gic; }

    public Pl011 uart() { return uart; }

    /** Every byte the program transmitted on the PL011 so far. */
    public byte[] uartOutput() { return uartOutput.toByteArray(); }

    /** Called with each byte the program transmits on the PL011, as it does. */
    public void onUartByte(IntConsumer listener) { this.uartListener = listener; }

    public VirtualClock clock() { return clock; }
}
