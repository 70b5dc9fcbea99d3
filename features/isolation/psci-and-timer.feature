@isolation @inmates
Feature: PSCI and the GIC as a cell sees them

  Background:
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    And the cell "k3-am654-idk-inmate-demo.cell" is created

  Scenario: CPU_ON for a CPU the cell does not own is denied; for its own running CPU it is already on
    Given the inmate "psci-cpu-on.bin" is loaded into the cell "inmate-demo" to switch on the CPUs "0x100 0x1"
    When the cell "inmate-demo" is started
    Then the secondary console shows "psci-cpu-on: running on CPU 0x1, PSCI version 1.1" within 50 ms
    And the secondary console shows "psci-cpu-on: CPU_ON 0x100 returned -3 (DENIED)"
    And the secondary console shows "psci-cpu-on: CPU_ON 0x1 returned -4 (ALREADY_ON)"
    And the cell "inmate-demo" is in state "running"

  Scenario: gic-demo takes its timer interrupt every period
    Given the inmate "gic-demo.bin" is loaded into the cell "inmate-demo"
    When the cell "inmate-demo" is started
    Then the secondary console shows "Initializing the GIC..." within 50 ms
    And the secondary console shows "Initializing the timer..."
    And the secondary console shows "Timer fired, jitter:" within 200 ms
    And the secondary console shows "Timer fired, jitter:" within 200 ms
    And the secondary console shows "Timer fired, jitter:" within 200 ms
