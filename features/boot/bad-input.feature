@boot
Feature: Bad input gets one clear error, never a stack trace

  Scenario: an unknown board names the boards there are
    When I try to power on the board "k3-am62x-sk"
    Then the board does not start, because "unknown board 'k3-am62x-sk'"
    And the board does not start, because "known boards: k3-am654-idk, k3-j721e-evm, qemu-arm64-virt"

  Scenario: a device tree that is not one stops U-Boot with libfdt's verdict
    Given the board "k3-am654-idk"
    And the boot media has a file "dtb/ti/k3-am654-base-board.dtb" containing "this is not a device tree"
    When the board is powered on
    Then the primary console shows "libfdt fdt_check_header(): FDT_ERR_BADMAGIC" within 10 s
    And the primary console shows "ERROR: Did not find a cmdline Flattened Device Tree"
    And the board stops at the U-Boot prompt

  Scenario: a truncated overlay is refused and the board boots without it
    Given the board "k3-am654-idk"
    And the boot media lists the overlay "k3-am654-idk-jailhouse.dtbo"
    And the boot media has a file "dtb/ti/k3-am654-idk-jailhouse.dtbo" containing "truncated"
    When the board is powered on
    Then the primary console shows "libfdt fdt_check_header(): FDT_ERR_BADMAGIC" within 10 s
    And the board boots to its login prompt
