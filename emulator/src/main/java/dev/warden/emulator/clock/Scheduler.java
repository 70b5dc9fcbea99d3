package dev.warden.emulator.clock;

import java.util.PriorityQueue;

/**
 * Events at virtual times. Events due at the same time run in the order they were scheduled, so a
 * run is the same every time. Handlers may schedule further events.
 */
public final class Scheduler {

    /** A handle that lets the owner cancel an event it scheduled (a timer being reprogrammed). */
    public static final class Event implements Comparable<Event> {
        private final long when;
        private final long sequence;
        private final String label;
        private final Runnable action;
        private boolean cancelled;

        private Event(long when, long sequence, String label, Runnable action) {
            this.when = when;
            this.sequence = sequence;
            this.label = label;
            this.action = action;
        }

        public long when() { return when; }

        public String label() { return label; }

        public void cancel() { cancelled = true; }

        public boolean isCancelled() { return cancelled; }

        @Override
        public int compareTo(Event o) {
            int c = Long.compare(when, o.when);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    private final VirtualClock clock;
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long nextSequence;

    public Scheduler(VirtualClock clock) {
        this.clock = clock;
    }

    public VirtualClock clock() { return clock; }

    public Event at(long when, String label, Runnable action) {
        Event e = new Event(Math.max(when, clock.now()), nextSequence++, label, action);
        queue.add(e);
        return e;
    }

    public Event after(long delay, String label, Runnable action) {
        return at(clock.now() + delay, label, action);
    }

    /** Time of the earliest pending event, or {@code Long.MAX_VALUE} when none is pending. */
    public long nextEventTime() {
        dropCancelled();
        Event head = queue.peek();
        return head == null ? Long.MAX_VALUE : head.when;
    }

    /** Runs every event due at or before the current time. */
    public void runDue() {
        while (true) {
            dropCancelled();
            Event head = queue.peek();
            if (head == null || head.when > clock.now()) return;
            queue.poll();
            head.action.run();
        }
    }

    /**
     * Advances time to {@code deadline}, running each event at its own time on the way. Used when
     * no CPU is running (all halted in WFI, or a modeled guest that only reacts to events).
     */
    public void runUntil(long deadline) {
        while (nextEventTime() <= deadline) {
            clock.advanceTo(Math.max(clock.now(), nextEventTime()));
            runDue();
        }
        if (deadline > clock.now()) clock.advanceTo(deadline);
    }

    public boolean hasPending() {
        return nextEventTime() != Long.MAX_VALUE;
    }

    private void dropCancelled() {
        while (!queue.isEmpty() && queue.peek().cancelled) queue.poll();
    }
}
