@cells @rejections
Feature: Two cells never share a CPU

  Scenario: a cell that wants a CPU another cell already has (J721E: both demo cells take CPU 1)
    Given the board "k3-j721e-evm" has booted with the overlay "k3-j721e-evm-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "k3-j721e-evm.cell"
    And the cell "k3-j721e-evm-linux-demo.cell" is created
    When I run "jailhouse cell create /usr/share/jailhouse/cells/k3-j721e-evm-inmate-demo.cell"
    Then the command fails with "JAILHOUSE_CELL_CREATE: Device or resource busy"
