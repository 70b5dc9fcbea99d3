@isolation @inmates
Feature: The same isolation checks hold on every board

  Scenario Outline: on <board>, uart-demo runs and mmio-probe is parked at the root cell's RAM
    Given the board "<board>" has booted with the overlay "<overlay>"
    And the hypervisor is enabled with the root cell "<root cell>"
    And the cell "<inmate cell>" is created
    And the inmate "uart-demo.bin" is loaded into the cell "inmate-demo"
    When the cell "inmate-demo" is started
    Then the secondary console shows "Hello 2 from cell!" within 500 ms
    Given the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the access "read64 <root ram>"
    When the cell "inmate-demo" is started
    Then the hypervisor console shows "Unhandled data read at <root ram>(8)" within 50 ms
    And the hypervisor console shows "Parking CPU <cpu> (Cell: \"inmate-demo\")"
    And the cell "inmate-demo" is in state "failed"
    And the root cell is "running"

    Examples:
      | board           | overlay                        | root cell         | inmate cell                   | root ram   | cpu |
      | k3-am654-idk    | k3-am654-idk-jailhouse.dtbo    | k3-am654-idk.cell | k3-am654-idk-inmate-demo.cell | 0x81000000 | 1   |
      | k3-j721e-evm    | k3-j721e-evm-jailhouse.dtbo    | k3-j721e-evm.cell | k3-j721e-evm-inmate-demo.cell | 0x81000000 | 1   |
      | qemu-arm64-virt | qemu-arm64-virt-jailhouse.dtbo | qemu-arm64.cell   | qemu-arm64-inmate-demo.cell   | 0x40100000 | 1   |
