package dev.warden.emulator.devices.timer;

import dev.warden.emulator.clock.Scheduler;
import dev.warden.emulator.cpu.Cpu;
import dev.warden.emulator.cpu.Outcome;
import dev.warden.emulator.cpu.SysReg;
import dev.warden.emulator.cpu.SysregDevice;

import java.math.BigInteger;
import java.util.function.LongSupplier;

/**
 * One CPU's ARM generic timer: the system counter (CNTPCT/CNTVCT, CNTVOFF = 0) at a board
 * frequency, and the physical and virtual EL1 timers (CNTP_*, CNTV_*), each an interrupt output
 * (PPI 30 and 27 on the boards Warden models). The counter is derived from virtual time:
 * {@code count = floor(ns * frequency / 1e9)}.
 */
public final class GenericTimer implements SysregDevice {

    /** A timer's interrupt output (the GIC PPI input). */
    @FunctionalInterface
    public interface Output {
        void set(boolean asserted);
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final BigInteger BILLION = BigInteger.valueOf(NANOS_PER_SECOND);

    /** One of the two EL1 timers. */
    private final class Channel {
        final String label;
        final Output output;
        long ctl;
        long cval;
        Scheduler.Event deadline;
        boolean level;

        Channel(String label, Output output) {
            this.label = label;
            this.output = output;
        }

        boolean conditionMet() {
            return Long.compareUnsigned(count(), cval) >= 0;
        }

        long readCtl() {
            return ctl | ((ctl & 1) != 0 && conditionMet() ? 4 : 0);
        }

        /** Recomputes the output and the event at which the condition next becomes true. */
        void update() {
            boolean enabled = (ctl & 1) != 0;
            boolean newLevel = enabled && (ctl & 2) == 0 && conditionMet();
            if (newLevel != level) {
                level = newLevel;
                output.set(level);
            }
            if (deadline != null) deadline.cancel();
            deadline = null;
            if (enabled && !conditionMet()) {
                long when = nanosWhenCountReaches(cval);
                if (when != Long.MAX_VALUE) deadline = scheduler.at(when, label, this::update);
            }
        }
    }

    private final long frequency;
    private final LongSupplier now;
    private final Scheduler scheduler;
    private final Channel physical;
    private final Channel virtual;
    private long cntkctl;

    /**
     * @param frequency counter frequency in Hz (CNTFRQ_EL0), from the board profile
     * @param now       current virtual time in ns, exact even in the middle of a CPU's run
     * @param scheduler where the timer puts its deadlines
     */
    public GenericTimer(long frequency, LongSupplier now, Scheduler scheduler, Output physicalIrq, Output virtualIrq) {
        if (frequency <= 0) throw new IllegalArgumentException("timer frequency must be positive, got " + frequency);
        this.frequency = frequency;
        this.now = now;
        this.scheduler = scheduler;
        this.physical = new Channel("CNTP", physicalIrq);
        this.virtual = new Channel("CNTV", virtualIrq);
    }

    public long frequency() { return frequency; }

    /** The system counter now. */
    public long count() {
        long ns = now.getAsLong();
        return (ns / NANOS_PER_SECOND) * frequency + (ns % NANOS_PER_SECOND) * frequency / NANOS_PER_SECOND;
    }

    /** The first nanosecond at which the counter is at least {@code target}. */
    long nanosWhenCountReaches(long target) {
        BigInteger t = new BigInteger(Long.toUnsignedString(target));
        BigInteger[] qr = t.multiply(BILLION).divideAndRemainder(BigInteger.valueOf(frequency));
        BigInteger ns = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        return ns.bitLength() >= 63 ? Long.MAX_VALUE : ns.longValue();
    }

    @Override
    public boolean handles(int key) {
        return key == SysReg.CNTKCTL_EL1 || (key >>> 7) == (SysReg.CNTFRQ_EL0 >>> 7);
    }

    @Override
    public long read(Cpu cpu, int key) {
        switch (key) {
            case SysReg.CNTFRQ_EL0: return frequency;
            case SysReg.CNTPCT_EL0: case SysReg.CNTVCT_EL0: return count();
            case SysReg.CNTKCTL_EL1: return cntkctl;
            case SysReg.CNTP_CTL_EL0: return physical.readCtl();
            case SysReg.CNTP_CVAL_EL0: return physical.cval;
            case SysReg.CNTP_TVAL_EL0: return (int) (physical.cval - count()) & 0xffffffffL;
            case SysReg.CNTV_CTL_EL0: return virtual.readCtl();
            case SysReg.CNTV_CVAL_EL0: return virtual.cval;
            case SysReg.CNTV_TVAL_EL0: return (int) (virtual.cval - count()) & 0xffffffffL;
            default: return 0;
        }
    }

    @Override
    public Outcome write(Cpu cpu, int key, long value) {
        Channel channel;
        switch (key) {
            case SysReg.CNTKCTL_EL1: cntkctl = value & 0x3ff; return Outcome.RESUME;
            case SysReg.CNTP_CTL_EL0: physical.ctl = value & 3; channel = physical; break;
            case SysReg.CNTP_CVAL_EL0: physical.cval = value; channel = physical; break;
            case SysReg.CNTP_TVAL_EL0: physical.cval = count() + (int) value; channel = physical; break;
            case SysReg.CNTV_CTL_EL0: virtual.ctl = value & 3; channel = virtual; break;
            case SysReg.CNTV_CVAL_EL0: virtual.cval = value; channel = virtual; break;
            case SysReg.CNTV_TVAL_EL0: virtual.cval = count() + (int) value; channel = virtual; break;
            default: return Outcome.RESUME; // CNTFRQ_EL0 is writable only at the highest EL
        }
        channel.update();
        // A new deadline may come before the end of the core's current slice.
        return Outcome.RESUME_AND_EXIT;
    }
}
