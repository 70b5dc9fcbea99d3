@cells @rejections
Feature: Two cells never share a CPU

  Scenario: a cell that wants a CPU another cell already has (J721E: both demo cells take CPU 1)
    Given the board "k3-j721e-evm" has booted with the overlay "k3-j721e-evm-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "k3-j721e-evm.cell"
    And the cell "k3-j721e-evm-linux-demo.cell" is created
    When I run "jailhouse cell create /usr/share/jailhouse/cells/k3-j721e-evm-inmate-demo.cell"
    Then the command fails with "JAILHOUSE_CELL_CREATE: Device or resource busy"

  Scenario: a root cell whose CPUs are not the CPUs Linux has online
    Given the board "qemu-arm64-virt" has booted with the overlay "qemu-arm64-virt-jailhouse.dtbo"
    And I am logged in as root
    And the jailhouse driver is loaded
    When I run "jailhouse enable /home/root/configs/qemu-arm64-4cpus.cell"
    Then the command fails with "JAILHOUSE_ENABLE: Invalid argument"
    And the primary console never showed "The Jailhouse is opening."
    And the hypervisor is disabled
