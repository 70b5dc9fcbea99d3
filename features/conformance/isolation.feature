@conformance
Feature: Conformance: a cell that touches what it does not own is parked, and only that cell

  @F12
  Scenario Outline: F12 an inmate that reads the root cell's RAM is parked and the root keeps running (<board>, <release>)
    Given the Jailhouse release is "<release>"
    And the board "<board>" has booted with the overlay "<overlay>"
    And the hypervisor is enabled with the root cell "<root cell>"
    And the cell "<inmate cell>" is created
    And the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the access "read64 <root ram>"
    When the cell "inmate-demo" is started
    Then the hypervisor console shows "Unhandled data read at <root ram>(8)" within 50 ms
    And the hypervisor console shows "Parking CPU 1 (Cell: \"inmate-demo\")"
    And the cell "inmate-demo" is in state "failed"
    And CPU 1 is parked
    And the root cell is "running"

    Examples:
      | board           | release  | overlay                        | root cell         | inmate cell                   | root ram   |
      | k3-am654-idk    | upstream | k3-am654-idk-jailhouse.dtbo    | k3-am654-idk.cell | k3-am654-idk-inmate-demo.cell | 0x81000000 |
      | k3-am654-idk    | ti-v0.10 | k3-am654-idk-jailhouse.dtbo    | k3-am654-idk.cell | k3-am654-idk-inmate-demo.cell | 0x81000000 |
      | k3-j721e-evm    | upstream | k3-j721e-evm-jailhouse.dtbo    | k3-j721e-evm.cell | k3-j721e-evm-inmate-demo.cell | 0x81000000 |
      | k3-j721e-evm    | ti-v0.10 | k3-j721e-evm-jailhouse.dtbo    | k3-j721e-evm.cell | k3-j721e-evm-inmate-demo.cell | 0x81000000 |
      | qemu-arm64-virt | upstream | qemu-arm64-virt-jailhouse.dtbo | qemu-arm64.cell   | qemu-arm64-inmate-demo.cell   | 0x40100000 |

  @F12 @F17
  Scenario Outline: F17 an inmate that writes to the root cell's console UART is parked; the value is in the register the syndrome names (<board>, <release>)
    Given the Jailhouse release is "<release>"
    And the board "<board>" has booted with the overlay "<overlay>"
    And the hypervisor is enabled with the root cell "<root cell>"
    And the cell "<inmate cell>" is created
    And the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the access "write32 <root uart> 0x41"
    When the cell "inmate-demo" is started
    Then the hypervisor console shows "Unhandled data write at <reported>(4)" within 50 ms
    And the hypervisor console shows "Parking CPU 1 (Cell: \"inmate-demo\")"
    And the register the fault's syndrome names holds 0x41
    And the root cell is "running"

    Examples:
      | board        | release  | overlay                     | root cell         | inmate cell                   | root uart  | reported  |
      | k3-am654-idk | upstream | k3-am654-idk-jailhouse.dtbo | k3-am654-idk.cell | k3-am654-idk-inmate-demo.cell | 0x02800000 | 0x2800000 |
      | k3-am654-idk | ti-v0.10 | k3-am654-idk-jailhouse.dtbo | k3-am654-idk.cell | k3-am654-idk-inmate-demo.cell | 0x02800000 | 0x2800000 |
      | k3-j721e-evm | upstream | k3-j721e-evm-jailhouse.dtbo | k3-j721e-evm.cell | k3-j721e-evm-inmate-demo.cell | 0x02800000 | 0x2800000 |
      | k3-j721e-evm | ti-v0.10 | k3-j721e-evm-jailhouse.dtbo | k3-j721e-evm.cell | k3-j721e-evm-inmate-demo.cell | 0x02800000 | 0x2800000 |

  @F08
  Scenario Outline: F08 distributor bits of interrupts the cell does not own are filtered, not written and not fatal (<board>, <release>)
    Given the Jailhouse release is "<release>"
    And the board "<board>" has booted with the overlay "<overlay>"
    And the hypervisor is enabled with the root cell "<root cell>"
    And the cell "<inmate cell>" is created
    And the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the accesses:
      | write32 <isenabler> 0x1 |
      | read32 <isenabler>      |
    When the cell "inmate-demo" is started
    Then the secondary console shows "probe: read32 <isenabler> = 0x00000000" within 50 ms
    And the cell "inmate-demo" is in state "running"
    And the hypervisor console never showed "Parking CPU"

    Examples:
      | board        | release  | overlay                     | root cell         | inmate cell                   | isenabler  |
      | k3-am654-idk | upstream | k3-am654-idk-jailhouse.dtbo | k3-am654-idk.cell | k3-am654-idk-inmate-demo.cell | 0x0180011c |
      | k3-am654-idk | ti-v0.10 | k3-am654-idk-jailhouse.dtbo | k3-am654-idk.cell | k3-am654-idk-inmate-demo.cell | 0x0180011c |
      | k3-j721e-evm | upstream | k3-j721e-evm-jailhouse.dtbo | k3-j721e-evm.cell | k3-j721e-evm-inmate-demo.cell | 0x0180011c |

  @F09
  Scenario Outline: F09 a sub-page region allows only the access widths its flags name (<board>, <release>)
    Given the Jailhouse release is "<release>"
    And the board "<board>" has booted with the overlay "<overlay>"
    And the hypervisor is enabled with the root cell "<root cell>"
    And the cell "<inmate cell>" is created
    And the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the accesses:
      | read32 <uart lsr>      |
      | write8 <uart> 0x41     |
    When the cell "inmate-demo" is started
    Then the hypervisor console shows "FATAL: Invalid MMIO write, address: <reported>, size: 1" within 50 ms
    And the hypervisor console shows "Parking CPU 1 (Cell: \"inmate-demo\")"
    And the cell "inmate-demo" is in state "failed"

    Examples:
      | board        | release  | overlay                     | root cell         | inmate cell                           | uart       | uart lsr   | reported |
      | k3-am654-idk | upstream | k3-am654-idk-jailhouse.dtbo | k3-am654-idk.cell | k3-am654-idk-inmate-demo-subpage.cell | 0x40a00000 | 0x40a00014 | 40a00000 |

  @F11
  Scenario Outline: F11 the root Linux touching memory its cell no longer has parks the root CPU (<board>, <release>)
    Given the Jailhouse release is "<release>"
    And the board "<board>" has booted with the overlay "<overlay>"
    And the jailhouse driver is loaded
    When I type "jailhouse enable <config>" on the primary console
    Then the hypervisor console shows "Unhandled data read at <reported>(4)" within 1 s
    And the hypervisor console shows "Parking CPU <cpu> (Cell: \"<root name>\")"
    And CPU <cpu> is parked

    Examples:
      | board           | release  | overlay                        | config                                          | reported  | cpu | root name  |
      | qemu-arm64-virt | upstream | qemu-arm64-virt-jailhouse.dtbo | /usr/share/jailhouse/cells/qemu-arm64-no-mmio.cell | 0x9000018 | 0   | qemu-arm64 |

  @F20
  Scenario Outline: F20 a hypervisor call the hypervisor does not serve from a cell is a forbidden access (<board>, <release>)
    Given the Jailhouse release is "<release>"
    And the board "<board>" has booted with the overlay "<overlay>"
    And the hypervisor is enabled with the root cell "<root cell>"
    And the cell "<inmate cell>" is created
    And the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the access "hvc0"
    When the cell "inmate-demo" is started
    Then the hypervisor console shows "FATAL: forbidden access (exception class 0x16)" within 50 ms
    And the hypervisor console shows "Parking CPU 1 (Cell: \"inmate-demo\")"
    And the cell "inmate-demo" is in state "failed"

    Examples:
      | board           | release  | overlay                        | root cell         | inmate cell                   |
      | k3-am654-idk    | upstream | k3-am654-idk-jailhouse.dtbo    | k3-am654-idk.cell | k3-am654-idk-inmate-demo.cell |
      | k3-am654-idk    | ti-v0.10 | k3-am654-idk-jailhouse.dtbo    | k3-am654-idk.cell | k3-am654-idk-inmate-demo.cell |
      | k3-j721e-evm    | upstream | k3-j721e-evm-jailhouse.dtbo    | k3-j721e-evm.cell | k3-j721e-evm-inmate-demo.cell |
      | k3-j721e-evm    | ti-v0.10 | k3-j721e-evm-jailhouse.dtbo    | k3-j721e-evm.cell | k3-j721e-evm-inmate-demo.cell |
      | qemu-arm64-virt | upstream | qemu-arm64-virt-jailhouse.dtbo | qemu-arm64.cell   | qemu-arm64-inmate-demo.cell   |
