@boot @overlays
Feature: What U-Boot prints when an overlay does not apply, and what happens next

  Scenario: an overlay that disables main_uart1 keeps Linux from probing it
    Given the board "k3-j721e-evm" has booted with the overlay "k3-j721e-disable-main-uart1.dtbo"
    When I log in as root
    And I run "cat /proc/device-tree/bus@100000/serial@2810000/status"
    Then the output shows "disabled"
    When I run "dmesg"
    Then the output does not show "2810000.serial"

  Scenario: an overlay whose label is missing from the base tree fails, and TI's 2019 loop carries on
    Given the board "k3-am654-idk"
    And the boot media lists the overlays "k3-am654-missing-label.dtbo k3-am654-idk-jailhouse.dtbo"
    When the board is powered on
    Then the primary console shows "failed on fdt_overlay_apply(): FDT_ERR_NOTFOUND" within 10 s
    And the primary console shows "failed on fdt_overlay_apply(): FDT_ERR_BADMAGIC" within 1 s
    And the primary console shows "base fdt does did not have a /__symbols__ node" within 1 s
    And the primary console shows "ERROR: Did not find a cmdline Flattened Device Tree" within 1 s
    And the board stops at the U-Boot prompt

  Scenario: a base tree compiled without -@ gets U-Boot's hint
    Given the board "k3-am654-idk"
    And the base device tree is "k3-am654-base-board-no-symbols.dtb"
    And the boot media lists the overlay "k3-am654-idk-jailhouse.dtbo"
    When the board is powered on
    Then the primary console shows, in order:
      | failed on fdt_overlay_apply(): FDT_ERR_NOTFOUND |
      | base fdt does did not have a /__symbols__ node  |
      | make sure you've compiled with -@               |

  Scenario: an overlay that uEnv.txt names but the SD card lacks is skipped
    Given the board "k3-j721e-evm"
    And the boot media lists the overlay "k3-j721e-no-such-overlay.dtbo"
    When the board is powered on
    Then the primary console shows "** File not found /boot/dtb/ti/k3-j721e-no-such-overlay.dtbo **" within 10 s
    And U-Boot notes "has no file /boot/dtb/ti/k3-j721e-no-such-overlay.dtbo"
    And the board boots to its login prompt

  Scenario: a malformed uEnv.txt line is named with its file and line
    Given the board "qemu-arm64-virt"
    And uEnv.txt on the boot media is:
      """
      # overlays for the Jailhouse demo
      name_overlays qemu-arm64-virt-jailhouse.dtbo
      """
    When the board is powered on
    Then the board boots to its login prompt
    And U-Boot notes "uEnv.txt:2: expected 'name=value', found 'name_overlays qemu-arm64-virt-jailhouse.dtbo'"
