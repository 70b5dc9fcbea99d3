@cells @rejections
Feature: The driver and the hypervisor refuse what they must, with the message and errno the board prints

  Background:
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And I am logged in as root

  Scenario: enabling twice is busy
    Given the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    When I run "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell"
    Then the command fails with "JAILHOUSE_ENABLE: Device or resource busy"

  Scenario: a cell configuration is not a system configuration
    When I run "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk-inmate-demo.cell"
    Then the command fails with "JAILHOUSE_ENABLE: Invalid argument"
    And the primary console shows "jailhouse: Not a system configuration"

  Scenario: a system configuration is not a cell configuration
    Given the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    When I run "jailhouse cell create /usr/share/jailhouse/cells/k3-am654-idk.cell"
    Then the command fails with "JAILHOUSE_CELL_CREATE: Invalid argument"
    And the primary console shows "jailhouse: Not a cell configuration"

  Scenario: a cell before the hypervisor is enabled
    When I run "jailhouse cell create /usr/share/jailhouse/cells/k3-am654-idk-inmate-demo.cell"
    Then the command fails with "JAILHOUSE_CELL_CREATE: Invalid argument"

  Scenario: the same cell twice
    Given the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    And the cell "k3-am654-idk-inmate-demo.cell" is created
    When I run "jailhouse cell create /usr/share/jailhouse/cells/k3-am654-idk-inmate-demo.cell"
    Then the command fails with "JAILHOUSE_CELL_CREATE: File exists"

  Scenario: managing a cell that does not exist
    Given the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    When I run "jailhouse cell start no-such-cell"
    Then the command fails with "JAILHOUSE_CELL_START: No such file or directory"

  Scenario: a file that is not there
    When I run "jailhouse enable /usr/share/jailhouse/cells/nothing.cell"
    Then the command fails with "opening /usr/share/jailhouse/cells/nothing.cell: No such file or directory"

  Scenario: a command the tool does not know prints the usage
    When I run "jailhouse cell frobnicate"
    Then the command fails with "Usage: jailhouse { COMMAND | --help | --version }"
    And the output shows "   cell create CELLCONFIG"

  # as the real tool printed it on QEMU (shared/reference-rig/recordings/a-enable)
  Scenario: the version
    When I run "jailhouse --version"
    Then the output is:
      """
      Jailhouse management tool v0.12
      """

  Scenario: a configuration built for another Jailhouse release
    When I run "jailhouse enable /home/root/configs/ti2019/k3-am654-idk.cell"
    Then the command fails with "JAILHOUSE_ENABLE: Invalid argument"
    And the primary console shows "jailhouse: Configuration revision mismatch"

  Scenario: the hypervisor console through the driver
    Given the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    When I run "jailhouse console"
    Then the output shows "Initializing Jailhouse hypervisor v0.12 (324-ge57d1eff) on CPU 2"
    And the output shows "Activating hypervisor"

  Scenario: the console before enabling
    When I run "jailhouse console"
    Then the command fails with "read(console): Resource temporarily unavailable"

  Scenario: sysfs shows the pools and the cells
    Given the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    And the cell "k3-am654-idk-inmate-demo.cell" is created
    When I run "cat /sys/devices/jailhouse/enabled"
    Then the output is:
      """
      1
      """
    When I run "cat /sys/devices/jailhouse/mem_pool_size"
    Then the output is:
      """
      994
      """
    When I run "ls /sys/devices/jailhouse/cells"
    Then the output is:
      """
      0  1
      """
    When I run "cat /sys/devices/jailhouse/cells/1/state"
    Then the output is:
      """
      shut down
      """

  Scenario: the hypervisor image is missing from the root file system
    Given the root file system has no "/lib/firmware/jailhouse.bin"
    When I run "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell"
    Then the command fails with "JAILHOUSE_ENABLE: No such file or directory"
    And the primary console shows "jailhouse: Missing hypervisor image jailhouse.bin"

  Scenario: a cell configuration for another architecture is accepted and does nothing (the driver's quirk)
    Given the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    And a copy of "k3-am654-idk-inmate-demo.cell" with byte 5 set to 0 is at "/home/root/x86-inmate.cell"
    When I run "jailhouse cell create /home/root/x86-inmate.cell"
    Then the command succeeds
    And the primary console shows "jailhouse: Configuration architecture mismatch"
    And no cell exists but the root cell

  Scenario: a cell configuration of an older release has the old signature, which is no cell configuration now
    Given the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    When I run "jailhouse cell create /home/root/configs/ti2019/k3-am654-idk-inmate-demo.cell"
    Then the command fails with "JAILHOUSE_CELL_CREATE: Invalid argument"
    And the primary console shows "jailhouse: Not a cell configuration"

  Scenario: a cell configuration of another revision
    Given the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    And a copy of "k3-am654-idk-inmate-demo.cell" with byte 6 set to 13 is at "/home/root/rev13-inmate.cell"
    When I run "jailhouse cell create /home/root/rev13-inmate.cell"
    Then the command fails with "JAILHOUSE_CELL_CREATE: Invalid argument"
    And the primary console shows "jailhouse: Configuration revision mismatch"

  Scenario: a system configuration for another architecture
    Given a copy of "k3-am654-idk.cell" with byte 5 set to 1 is at "/home/root/arm32-root.cell"
    When I run "jailhouse enable /home/root/arm32-root.cell"
    Then the command fails with "JAILHOUSE_ENABLE: Invalid argument"
    And the primary console shows "jailhouse: Configuration architecture mismatch"

  Scenario: a cell configuration larger than the 16 pages the hypervisor copies
    Given the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    And a copy of "k3-am654-idk-inmate-demo.cell" with 2100 more empty memory regions is at "/home/root/huge.cell"
    When I run "jailhouse cell create /home/root/huge.cell"
    Then the command fails with "JAILHOUSE_CELL_CREATE: Argument list too long"
    And no cell exists but the root cell
