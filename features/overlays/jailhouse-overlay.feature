@boot @overlays
Feature: U-Boot applies the Jailhouse overlay that uEnv.txt lists (the seed demo, steps 2 and 3)

  Scenario: the AM654 boots with the Jailhouse overlay and Linux keeps out of the hypervisor's memory
    Given the board "k3-am654-idk"
    And the boot media lists the overlay "k3-am654-idk-jailhouse.dtbo"
    When the board is powered on
    Then the primary console shows "Importing environment from mmc1 ..." within 5 s
    And the primary console never showed "failed on fdt_overlay_apply()"
    And the board boots to its login prompt
    When I log in as root
    And I run "ls /proc/device-tree/reserved-memory"
    Then the output shows "jailhouse@8dfb00000"
    When I run "hexdump -C /proc/device-tree/reserved-memory/jailhouse@8dfb00000/reg"
    Then the output shows "00000000  00 00 00 08 df b0 00 00  00 00 00 00 20 50 00 00  |............ P..|"
    When I run "cat /proc/iomem"
    Then the output shows "880000000-8dfafffff : System RAM"
    And the output does not show "8dfb00000-"

  Scenario: the overlay hands the MCU UART to the inmate, so the root Linux does not probe it
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    When I log in as root
    And I run "cat /proc/device-tree/bus@100000/bus@28380000/serial@40a00000/status"
    Then the output shows "disabled"
    When I run "dmesg"
    Then the output does not show "40a00000.serial"
    And the output shows "2800000.serial: ttyS2 at MMIO 0x2800000"

  Scenario Outline: the Jailhouse overlay of <board> applies and the board boots
    Given the board "<board>" has booted with the overlay "<overlay>"
    When I log in as root
    And I run "ls /proc/device-tree/reserved-memory"
    Then the output shows "<reservation>"

    Examples:
      | board           | overlay                       | reservation       |
      | k3-j721e-evm    | k3-j721e-evm-jailhouse.dtbo   | jailhouse@        |
      | qemu-arm64-virt | qemu-arm64-virt-jailhouse.dtbo | jailhouse@7fc00000 |
