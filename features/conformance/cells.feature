@conformance
Feature: Conformance: cells are created, loaded and started only in the right order, on CPUs of their own

  @F15
  Scenario Outline: F15 commands in the wrong order or on the wrong cell fail with the driver's errno (<board>, <release>)
    Given the Jailhouse release is "<release>"
    And the board "<board>" has booted with the overlay "<overlay>"
    And the jailhouse driver is loaded
    When I run "jailhouse cell create /usr/share/jailhouse/cells/<inmate cell>"
    Then the command fails with "JAILHOUSE_CELL_CREATE: Invalid argument"
    Given the hypervisor is enabled with the root cell "<root cell>"
    And the cell "<inmate cell>" is created
    When I run "jailhouse cell create /usr/share/jailhouse/cells/<inmate cell>"
    Then the command fails with "JAILHOUSE_CELL_CREATE: File exists"
    When I run "jailhouse cell start no-such-cell"
    Then the command fails with "JAILHOUSE_CELL_START: No such file or directory"

    Examples:
      | board           | release  | overlay                        | root cell         | inmate cell                   |
      | k3-am654-idk    | upstream | k3-am654-idk-jailhouse.dtbo    | k3-am654-idk.cell | k3-am654-idk-inmate-demo.cell |
      | k3-am654-idk    | ti-v0.10 | k3-am654-idk-jailhouse.dtbo    | k3-am654-idk.cell | k3-am654-idk-inmate-demo.cell |
      | k3-j721e-evm    | upstream | k3-j721e-evm-jailhouse.dtbo    | k3-j721e-evm.cell | k3-j721e-evm-inmate-demo.cell |
      | k3-j721e-evm    | ti-v0.10 | k3-j721e-evm-jailhouse.dtbo    | k3-j721e-evm.cell | k3-j721e-evm-inmate-demo.cell |
      | qemu-arm64-virt | upstream | qemu-arm64-virt-jailhouse.dtbo | qemu-arm64.cell   | qemu-arm64-inmate-demo.cell   |

  # TI's fork has no J721E Linux demo cell to take the CPU first: not applicable there
  @F14
  Scenario Outline: F14 a cell that wants a CPU another cell has is busy (<board>, <release>)
    Given the Jailhouse release is "<release>"
    And the board "<board>" has booted with the overlay "<overlay>"
    And the hypervisor is enabled with the root cell "<root cell>"
    And the cell "<first cell>" is created
    When I run "jailhouse cell create /usr/share/jailhouse/cells/<second cell>"
    Then the command fails with "JAILHOUSE_CELL_CREATE: Device or resource busy"

    Examples:
      | board        | release  | overlay                     | root cell         | first cell                   | second cell                   |
      | k3-j721e-evm | upstream | k3-j721e-evm-jailhouse.dtbo | k3-j721e-evm.cell | k3-j721e-evm-linux-demo.cell | k3-j721e-evm-inmate-demo.cell |
