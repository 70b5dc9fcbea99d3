@isolation @inmates
Feature: An inmate that touches what its cell does not own is parked, and nothing else stops

  Background:
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "k3-am654-idk.cell"

  Scenario: the probe writes to the root cell's UART
    Given the cell "k3-am654-idk-inmate-demo.cell" is created
    And the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the access "write32 0x02800000 0x41"
    When the cell "inmate-demo" is started
    Then the secondary console shows "probe: write32 0x02800000 = 0x00000041 ..." within 50 ms
    And the hypervisor console shows "Unhandled data write at 0x2800000(4)" within 10 ms
    And the hypervisor console shows "FATAL: unhandled trap (exception class 0x24)"
    And the hypervisor console shows "Cell state before exception:"
    And the hypervisor console shows "Parking CPU 1 (Cell: \"inmate-demo\")"
    And the cell "inmate-demo" is in state "failed"
    And CPU 1 is parked
    And the root cell is "running"
    And the register the fault's syndrome names holds 0x41
    When I run "jailhouse cell list"
    Then the output shows "1       inmate-demo             failed            1                       1"

  Scenario Outline: the probe reads <what>
    Given the cell "k3-am654-idk-inmate-demo.cell" is created
    And the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the access "read32 <address>"
    When the cell "inmate-demo" is started
    Then the hypervisor console shows "Unhandled data read at <reported>(4)" within 50 ms
    And the hypervisor console shows "Parking CPU 1 (Cell: \"inmate-demo\")"
    And the cell "inmate-demo" is in state "failed"
    And the root cell is "running"

    Examples:
      | what                                | address     | reported    |
      | the root cell's RAM                 | 0x81000000  | 0x81000000  |
      | the hypervisor's memory             | 0x8dfc00000 | 0x8dfc00000 |
      | the Linux cell's RAM                | 0x8e0100000 | 0x8e0100000 |
      | the SD card controller of the root  | 0x04fa0000  | 0x4fa0000   |

  Scenario: the probe reaches its own RAM and UART, and keeps running
    Given the cell "k3-am654-idk-inmate-demo.cell" is created
    And the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the accesses:
      | write32 0x8000 0x12345678 |
      | read32 0x8000             |
      | read32 0x40a00014         |
    When the cell "inmate-demo" is started
    Then the secondary console shows "probe: read32 0x00008000 = 0x12345678" within 50 ms
    And the secondary console shows "probe: read32 0x40a00014 = 0x00000060"
    And the hypervisor console never showed "Parking CPU"
    And the cell "inmate-demo" is in state "running"

  Scenario: GIC distributor bits of interrupts the cell does not own are filtered, not fatal
    Given the cell "k3-am654-idk-inmate-demo.cell" is created
    And the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the accesses:
      | write32 0x0180011c 0x1 |
      | read32 0x0180011c      |
    When the cell "inmate-demo" is started
    Then the secondary console shows "probe: read32 0x0180011c = 0x00000000" within 50 ms
    And the cell "inmate-demo" is in state "running"
    When I run "devmem 0x0180011c"
    Then the output shows "0x00000000"

  Scenario: a sub-page region allows only the widths its flags name
    Given the cell "k3-am654-idk-inmate-demo-subpage.cell" is created
    And the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the accesses:
      | read32 0x40a00014     |
      | write8 0x40a00000 0x41 |
    When the cell "inmate-demo" is started
    Then the secondary console shows "probe: read32 0x40a00014 = 0x00000060" within 50 ms
    And the hypervisor console shows "FATAL: Invalid MMIO write, address: 40a00000, size: 1"
    And the hypervisor console shows "FATAL: forbidden access (exception class 0x24)"
    And the hypervisor console shows "Parking CPU 1 (Cell: \"inmate-demo\")"
    And the cell "inmate-demo" is in state "failed"

  Scenario: another cell keeps running while one is parked
    Given the cell "k3-am654-idk-linux-demo.cell" is created
    And the cell "k3-am654-idk-inmate-demo.cell" is created
    And the inmate "uart-demo.bin" is loaded into the cell "inmate-demo"
    When the cell "inmate-demo" is started
    Then the secondary console shows "Hello 1 from cell!" within 50 ms
    When I type "devmem 0x8e0000000" on the primary console
    Then the hypervisor console shows "Unhandled data read at 0x8e0000000(4)" within 10 ms
    And the secondary console shows "Hello 3 from cell!" within 1 s
    And the cell "inmate-demo" is in state "running"

  Scenario: the probe jumps into the root cell's RAM
    Given the cell "k3-am654-idk-inmate-demo.cell" is created
    And the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the access "exec 0x81000000"
    When the cell "inmate-demo" is started
    Then the secondary console shows "probe: exec 0x81000000 ..." within 50 ms
    And the hypervisor console shows "FATAL: instruction abort at 0x81000000" within 10 ms
    And the hypervisor console shows "FATAL: forbidden access (exception class 0x20)"
    And the hypervisor console shows "Parking CPU 1 (Cell: \"inmate-demo\")"
    And the cell "inmate-demo" is in state "failed"

  Scenario: PSCI over HVC instead of SMC is a forbidden access
    Given the cell "k3-am654-idk-inmate-demo.cell" is created
    And the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the access "hvc0"
    When the cell "inmate-demo" is started
    Then the secondary console shows "probe: hvc #0 ..." within 50 ms
    And the hypervisor console shows "FATAL: forbidden access (exception class 0x16)" within 10 ms
    And the hypervisor console shows "Parking CPU 1 (Cell: \"inmate-demo\")"
    And the secondary console never showed "probe: hvc #0 returned"
