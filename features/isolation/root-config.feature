@isolation
Feature: A root cell configuration that lacks a device Linux uses parks the root CPU that touches it

  Scenario: the root cell gives up the UART its Linux prints on
    Given the board "qemu-arm64-virt" has booted with the overlay "qemu-arm64-virt-jailhouse.dtbo"
    And I am logged in as root
    And the jailhouse driver is loaded
    When I type "jailhouse enable /usr/share/jailhouse/cells/qemu-arm64-no-mmio.cell" on the primary console
    Then the hypervisor console shows "Activating hypervisor" within 10 ms
    And the hypervisor console shows "Unhandled data read at 0x9000018(4)"
    And the hypervisor console shows "FATAL: unhandled trap (exception class 0x24)"
    And the hypervisor console shows "Parking CPU 0 (Cell: \"qemu-arm64\")"
    And the primary console never showed "The Jailhouse is opening."
    And CPU 0 is parked
