/*
 * uart-demo: "Hello N from cell!" with N = 1, 2, ... Inside a cell it runs
 * forever, one line per 100 ms of timer time; standalone it prints
 * BOARD_DEMO_ROUNDS lines 1 ms apart and powers off.
 */
#include "inmate.h"

#define PERIOD_US	(BOARD_IN_CELL ? 100000 : 1000)

void inmate_main(void)
{
	unsigned int n;

	gic_init();
	gic_enable_irq(TIMER_VIRT_IRQ);

	for (n = 1; demo_keeps_running(n - 1); n++) {
		printk("Hello %d from cell!\n", n);
		timer_sleep_us(PERIOD_US);
	}
}
