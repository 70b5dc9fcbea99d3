@boot
Feature: Every board boots through U-Boot to the root-cell Linux login

  The board powers on, U-Boot imports uEnv.txt from the SD card, loads the kernel and the
  device tree, applies the overlays it lists, and the root-cell Linux boots from the result.

  Scenario Outline: <board> boots to its login prompt and root gets a shell
    Given the board "<board>" is powered on
    Then the primary console shows "Hit any key to stop autoboot:"
    And the primary console shows "Loaded env from uEnv.txt" within 5 s
    And the primary console shows "Starting kernel ..." within 5 s
    And the primary console shows "Machine model: <model>" within 1 s
    And the primary console shows "printk: console [<tty>] enabled" within 2 s
    And the board boots to its login prompt
    When I log in as root
    And I run "cat /proc/device-tree/model"
    Then the output shows "<model>"
    When I run "cat /proc/cpuinfo"
    Then the output shows "processor	: <last cpu>"

    Examples:
      | board           | model                               | tty     | last cpu |
      | k3-am654-idk    | Texas Instruments AM654 Base Board  | ttyS2   | 3        |
      | k3-j721e-evm    | Texas Instruments J721e EVM         | ttyS2   | 1        |
      | qemu-arm64-virt | linux,dummy-virt                    | ttyAMA0 | 15       |

  Scenario: the kernel log shows every secondary CPU brought up
    Given the board "k3-am654-idk" has booted
    Then the primary console never showed "Kernel panic"
    When I log in as root
    And I run "dmesg"
    Then the output shows "CPU3: Booted secondary processor 0x0000000101 [0x410fd034]"
    And the output shows "smp: Brought up 1 node, 4 CPUs"

  Scenario: typing a key during the countdown stops at the U-Boot prompt
    Given the board "k3-am654-idk" is powered on
    When I type " " on the primary console
    Then the board stops at the U-Boot prompt
    When I type "printenv overlay_files" on the primary console
    Then the primary console shows "## Error: \"overlay_files\" not defined"
