@isolation
Feature: The root cell loses what it gives to a cell

  Background:
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "k3-am654-idk.cell"

  Scenario: the root cell reads the inmate's RAM before the cell exists, and is parked after
    When I run "devmem 0x8e0000000"
    Then the output shows "0x00000000"
    Given the cell "k3-am654-idk-inmate-demo.cell" is created
    When I type "devmem 0x8e0000000" on the primary console
    Then the hypervisor console shows "Unhandled data read at 0x8e0000000(4)" within 10 ms
    And the hypervisor console shows "FATAL: unhandled trap (exception class 0x24)"
    And the hypervisor console shows "Cell state before exception:"
    And the hypervisor console shows "Parking CPU 2 (Cell: \"k3-am654-idk\")"
    And CPU 2 is parked
    And the root cell is "running"

  Scenario: the hypervisor's own memory reads as empty pages and cannot be written
    When I run "devmem 0x8dfc00000"
    Then the output shows "0x00000000"
    When I type "devmem 0x8dfc00000 32 0x1234" on the primary console
    Then the hypervisor console shows "Unhandled data write at 0x8dfc00000(4)" within 10 ms
    And CPU 2 is parked

  Scenario: a Linux inmate whose device tree names a UART its cell does not own is parked
    Given the cell "k3-am654-idk-linux-demo.cell" is created
    When I run "jailhouse cell linux /usr/share/jailhouse/cells/k3-am654-idk-linux-demo.cell /boot/Image -d /boot/dtb/ti/inmate-k3-am654-idk-wrong-uart.dtb -c console=ttyS3"
    Then the command succeeds
    And the hypervisor console shows "Unhandled data read at 0x2810014(4)" within 1 s
    And the hypervisor console shows "Parking CPU 2 (Cell: \"k3-am654-idk-linux-demo\")"
    And the root cell is "running"
