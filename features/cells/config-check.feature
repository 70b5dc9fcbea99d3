@cells @check
Feature: warden check finds configuration mistakes before anything boots
  The checker runs every check of `jailhouse config check` and the static checks of the
  failure catalogue on the real .cell files (and the board's device tree), and says for each
  finding which rule, which cells and regions, and how to fix it.

  Scenario: the AM654 root cell with each of its inmates is clean
    Given the configurations of the board "k3-am654-idk"
    When I check "k3-am654-idk.cell k3-am654-idk-inmate-demo.cell"
    Then the check passes
    When I check "k3-am654-idk.cell k3-am654-idk-linux-demo.cell"
    Then the check passes

  Scenario: the AM654 inmates cannot run together: they both own MCU UART0 and the inmate RAM
    Given the configurations of the board "k3-am654-idk"
    When I check "k3-am654-idk.cell k3-am654-idk-inmate-demo.cell k3-am654-idk-linux-demo.cell"
    Then the check fails
    And the report has rule "cells/memory-overlap" for region 0 of cell "inmate-demo"
    And the report has rule "cells/memory-overlap" for region 11 of cell "k3-am654-idk-linux-demo"
    And the report has rule "console/shared-uart" at address "0x40a00000"
    And every finding says how to fix it

  Scenario: on the J721E the two demo cells want the same CPU, interrupt and ivshmem peer id
    Given the configurations of the board "k3-j721e-evm"
    When I check "k3-j721e-evm.cell k3-j721e-evm-inmate-demo.cell k3-j721e-evm-linux-demo.cell"
    Then the check fails
    And the report has rule "cpus/shared" for cell "k3-j721e-evm-linux-demo"
    And the finding of rule "irq/shared" says "Interrupts 195 are granted to both"
    And the finding of rule "ivshmem/endpoints" says "shmem_dev_id 1 is used twice"

  Scenario: a permissive MMIO window over the GIC distributor is caught as jailhouse config check does
    Given the configurations of the board "k3-am654-idk"
    And "k3-am654-idk.cell" gets an extra memory region:
      | phys      | size      | flags            |
      | 0x1800000 | 0x10000   | READ WRITE IO    |
    When I check "k3-am654-idk.cell"
    Then the check fails
    And the report has rule "jailhouse/overlap-gic" for region 25 of cell "k3-am654-idk"
    And the finding of rule "jailhouse/overlap-gic" says "overlaps with GICD at 0x1800000"

  Scenario: a sub-page UART region without access widths would park the CPU on first access
    Given the configurations of the board "qemu-arm64-virt"
    And "qemu-arm64-inmate-demo.cell" gets an extra memory region:
      | phys      | size  | flags         |
      | 0x9040000 | 0x800 | READ WRITE IO |
    When I check "qemu-arm64.cell qemu-arm64-inmate-demo.cell"
    Then the check fails
    And the report has rule "memory/subpage-without-width" for region 8 of cell "inmate-demo"

  Scenario: an inmate that asks for the root Linux's boot CPU
    Given the configurations of the board "qemu-arm64-virt"
    And "qemu-arm64-inmate-demo.cell" asks for the CPUs "0-1"
    When I check "qemu-arm64.cell qemu-arm64-inmate-demo.cell"
    Then the check fails
    And the report has rule "cpus/boot-cpu" for cell "inmate-demo"

  Scenario: a loadable region outside the root cell cannot be loaded by the root
    Given the configurations of the board "k3-am654-idk"
    And "k3-am654-idk-inmate-demo.cell" gets an extra memory region:
      | phys        | virt     | size    | flags                           |
      | 0x900000000 | 0x100000 | 0x10000 | READ WRITE EXECUTE LOADABLE     |
    When I check "k3-am654-idk.cell k3-am654-idk-inmate-demo.cell"
    Then the check fails
    And the report has rule "memory/loadable-unreachable" for region 3 of cell "inmate-demo"

  Scenario: without the Jailhouse overlay the hypervisor memory is not reserved in the device tree
    Given the configurations of the board "k3-am654-idk"
    When I check "k3-am654-idk.cell" against the device tree "k3-am654-base-board.dtb"
    Then the check fails
    And the report has rule "dt/hypervisor-not-reserved" at address "0x8dfc00000"
    When I check "k3-am654-idk.cell" against the device tree "k3-am654-base-board.dtb" with the overlay "k3-am654-idk-jailhouse.dtbo"
    Then the check passes
    And the report has no findings of rule "dt/hypervisor-not-reserved"

  Scenario: a truncated .cell file is unusable input, and the error says where
    Given the configurations of the board "qemu-arm64-virt"
    And "qemu-arm64.cell" is cut off after 600 bytes
    When I check "qemu-arm64.cell"
    Then the check cannot use its input
    And the input error says "offset 0x250: mem_regions[3] (num_memory_regions = 12) truncated: expected 32 bytes, 8 remain"

  Scenario: an ivshmem device whose INTx interrupt the cell is not granted
    Given the configurations of the board "qemu-arm64-virt"
    And "qemu-arm64-inmate-demo.cell" grants only the interrupts "33"
    When I check "qemu-arm64.cell qemu-arm64-inmate-demo.cell"
    Then the report has rule "ivshmem/intx-not-granted" with severity "warning"
    And the finding of rule "ivshmem/intx-not-granted" says "raises INTx on interrupt 144"

  Scenario Outline: configurations of older Jailhouse releases are read and checked the same way
    Given the configurations of the board "k3-am654-idk"
    And "k3-am654-idk.cell" is converted to revision "<revision>"
    And "k3-am654-idk-linux-demo.cell" is converted to revision "<revision>"
    Then the file "k3-am654-idk.cell" is in the layout of revision "<revision>"
    When I check "k3-am654-idk.cell k3-am654-idk-linux-demo.cell"
    Then the check passes

    Examples:
      | revision |
      | 10       |
      | 12       |
      | ti-12    |
