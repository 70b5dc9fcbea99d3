@boot
Feature: My Board boots to its login prompt

  Scenario: U-Boot applies our overlay and Linux boots from our tree
    Given the board "my-board" is powered on
    Then the primary console shows "Loaded env from uEnv.txt"
    And the primary console shows "Machine model: My Board (QEMU virt, arm64)" within 5 s
    And the board boots to its login prompt
    And the primary console never showed "failed on fdt_overlay_apply()"
    When I log in as root
    And I run "ls /proc/device-tree/reserved-memory"
    Then the output shows "jailhouse@7fc00000"
