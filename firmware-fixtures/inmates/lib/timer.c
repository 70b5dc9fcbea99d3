/*
 * ARM generic timer, virtual view. Sleeping arms CNTV and waits in WFI with
 * IRQs still masked: a pending timer interrupt wakes the CPU without being
 * taken, and an emulator can jump virtual time straight to the deadline.
 */
#include "inmate.h"

#define CNTV_CTL_ENABLE	1

u64 timer_frequency(void)
{
	return read_sysreg(cntfrq_el0);
}

u64 timer_ticks(void)
{
	isb();
	return read_sysreg(cntvct_el0);
}

void timer_arm(u64 ticks)
{
	write_sysreg(cntv_tval_el0, ticks);
	write_sysreg(cntv_ctl_el0, CNTV_CTL_ENABLE);
}

void timer_stop(void)
{
	write_sysreg(cntv_ctl_el0, 0);
}

u64 timer_ticks_to_ns(u64 ticks)
{
	return ticks * 1000 / (timer_frequency() / 1000000);
}

/* Needs gic_init() and gic_enable_irq(TIMER_VIRT_IRQ) first. */
void timer_sleep_ticks(u64 ticks)
{
	u64 deadline = timer_ticks() + ticks;

	timer_arm(ticks);
	while (timer_ticks() < deadline)
		wfi();
	timer_stop();
}

void timer_sleep_us(u64 us)
{
	timer_sleep_ticks(us * (timer_frequency() / 1000000));
}
