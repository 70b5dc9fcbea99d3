@cells @rejections
Feature: The hypervisor's memory must be reserved in the device tree

  Scenario: without the Jailhouse overlay, Linux owns the hypervisor's memory and enable fails
    Given the board "k3-am654-idk"
    And the boot media lists no overlays
    And the board boots to its login prompt
    And I am logged in as root
    When I run "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell"
    Then the command fails with "JAILHOUSE_ENABLE: Invalid argument"
    And the primary console shows "jailhouse: request_mem_region failed for hypervisor memory."
    And the primary console shows "jailhouse: Did you reserve the memory with \"memmap=\" or \"mem=\"?"
