@conformance @check
Feature: Conformance: configuration mistakes the checker finds before anything boots

  Failures of the catalogue that the real system shows only on the hardware (a hang, a silent
  interrupt, a parked root CPU while loading), caught by `warden check` on each board's real
  .cell files with the one mistake put in.

  @F16
  Scenario Outline: F16 a loadable region the root cell cannot reach is found (<board>)
    Given the configurations of the board "<board>"
    And "<inmate cell>" gets an extra memory region:
      | phys        | virt     | size    | flags                       |
      | 0x900000000 | 0x100000 | 0x10000 | READ WRITE EXECUTE LOADABLE |
    When I check "<root cell> <inmate cell>"
    Then the check fails
    And the report has rule "memory/loadable-unreachable" for cell "inmate-demo"

    Examples:
      | board           | root cell         | inmate cell                   |
      | k3-am654-idk    | k3-am654-idk.cell | k3-am654-idk-inmate-demo.cell |
      | k3-j721e-evm    | k3-j721e-evm.cell | k3-j721e-evm-inmate-demo.cell |
      | qemu-arm64-virt | qemu-arm64.cell   | qemu-arm64-inmate-demo.cell   |

  @F13
  Scenario Outline: F13 an ivshmem device whose interrupt the cell is not granted is found (<board>)
    Given the configurations of the board "<board>"
    And "<inmate cell>" grants only the interrupts "<irqs>"
    When I check "<root cell> <inmate cell>"
    Then the report has rule "ivshmem/intx-not-granted" with severity "warning"

    Examples:
      | board           | root cell       | inmate cell                 | irqs |
      | qemu-arm64-virt | qemu-arm64.cell | qemu-arm64-inmate-demo.cell | 33   |

  @F14
  Scenario Outline: F14 a cell that asks for the root Linux's boot CPU is found (<board>)
    Given the configurations of the board "<board>"
    And "<inmate cell>" asks for the CPUs "0-1"
    When I check "<root cell> <inmate cell>"
    Then the check fails
    And the report has rule "cpus/boot-cpu" for cell "inmate-demo"

    Examples:
      | board           | root cell         | inmate cell                   |
      | k3-am654-idk    | k3-am654-idk.cell | k3-am654-idk-inmate-demo.cell |
      | k3-j721e-evm    | k3-j721e-evm.cell | k3-j721e-evm-inmate-demo.cell |
      | qemu-arm64-virt | qemu-arm64.cell   | qemu-arm64-inmate-demo.cell   |
