/*
 * gic-demo: the virtual timer fires every 100 ms; each interrupt prints how
 * late it arrived against the expected tick, with the running minimum and
 * maximum, in the format of Jailhouse's gic-demo. Standalone it stops after
 * BOARD_DEMO_ROUNDS interrupts and powers off.
 */
#include "inmate.h"

#define BEATS_PER_SEC	10

static u64 ticks_per_beat;
static u64 expected_ticks;
static s64 min_jitter = 0x7fffffffffffffffL;
static s64 max_jitter;
static volatile unsigned int beats;

static void on_irq(u32 irq)
{
	u64 now = timer_ticks();
	s64 jitter;

	if (irq != TIMER_VIRT_IRQ) {
		printk("Unexpected IRQ %u\n", irq);
		return;
	}
	jitter = (s64)timer_ticks_to_ns(now - expected_ticks);
	if (jitter < min_jitter)
		min_jitter = jitter;
	if (jitter > max_jitter)
		max_jitter = jitter;
	printk("Timer fired, jitter: %6ld ns, min: %6ld ns, max: %6ld ns\n",
	       jitter, min_jitter, max_jitter);

	expected_ticks = timer_ticks() + ticks_per_beat;
	timer_arm(ticks_per_beat);
	beats++;
}

void inmate_main(void)
{
	printk("Initializing the GIC...\n");
	irq_set_handler(on_irq);
	gic_init();
	gic_enable_irq(TIMER_VIRT_IRQ);

	printk("Initializing the timer...\n");
	ticks_per_beat = timer_frequency() / BEATS_PER_SEC;
	expected_ticks = timer_ticks() + ticks_per_beat;
	timer_arm(ticks_per_beat);
	irq_enable();

	while (demo_keeps_running(beats))
		wfi();
	irq_disable();
	timer_stop();
}
