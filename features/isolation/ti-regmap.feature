@isolation @inmates
Feature: TI's regmap unit hands single registers of a shared block to a cell

  The ti2019.03 fork's regmap unit (not in upstream Jailhouse) gives a cell individual registers
  of the J721E's CTRL_MMR0 pad block, and takes them away from the root cell meanwhile.

  Background:
    Given the Jailhouse release is "ti-v0.10"
    And the board "k3-j721e-evm" has booted with the overlay "k3-j721e-evm-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "k3-j721e-evm.cell"
    And the cell "k3-j721e-evm-inmate-demo.cell" is created

  Scenario: the cell reaches its own pad registers; the one next to them is "MMIO access disabled"
    Given the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the accesses:
      | write32 0x0011c1f8 0x50007 |
      | read32 0x0011c1f8          |
      | read32 0x0011c1f4          |
    When the cell "inmate-demo" is started
    Then the secondary console shows "probe: read32 0x0011c1f8 = 0x00050007" within 50 ms
    And the hypervisor console shows "MMIO access disabled" within 10 ms
    And the hypervisor console shows "FATAL: forbidden access (exception class 0x24)"
    And the hypervisor console shows "Parking CPU 1 (Cell: \"inmate-demo\")"

  Scenario: the root cell loses the registers it granted, and keeps the others
    When I run "devmem 0x0011c1f4"
    Then the output shows "0x00000000"
    When I type "devmem 0x0011c1f8" on the primary console
    Then the hypervisor console shows "MMIO access disabled" within 10 ms
    And the hypervisor console shows "Parking CPU 0 (Cell: \"k3-j721e-evm\")"
