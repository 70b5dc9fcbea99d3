@boot
Feature: The AM625 SK boots with our Jailhouse overlay

  Scenario: U-Boot applies the overlay and Linux boots from the kernel's own tree
    Given the board "am625-sk" is powered on
    Then the board boots to its login prompt
    And the primary console never showed "failed on fdt_overlay_apply()"
    When I log in as root
    And I run "ls /proc/device-tree/reserved-memory"
    Then the output shows "jailhouse@dfa00000"
