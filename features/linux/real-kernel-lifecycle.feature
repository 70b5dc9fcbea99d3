@linux @slow
Feature: A running Linux cell shut down and destroyed gives its CPUs back to the root cell

  Debian's arm64 kernel runs on the linux-demo cell's CPUs 2 and 3 of QEMU virt, with the seed
  script's command line (earlycon: the kernel writes its log to the shared PL011 from its first
  lines on, polling). The root cell's shell reads that UART until the inmate's kernel enables the
  UART's interrupt for its own CPU (the interrupt belongs to the cell), so the root shuts the
  cell down while its kernel brings up its second CPU. Runs under -Preal-kernel.

  Scenario: jailhouse cell shutdown and destroy while Debian's kernel runs in the linux-demo cell
    Given the board "qemu-arm64-virt" has booted
    And the Linux inmate is the real kernel
    And the hypervisor is enabled with the root cell "qemu-arm64.cell"
    When I run "jailhouse cell linux /usr/share/jailhouse/cells/qemu-arm64-linux-demo-248m.cell /root/debian/Image -d /boot/dtb/inmate-qemu-arm64.dtb -i /root/debian/initramfs.cpio.gz -c \"console=ttyAMA0 earlycon=pl011,0x09000000\""
    Then the command succeeds
    And the primary console shows "smp: Brought up 1 node, 2 CPUs" within 200 ms
    When I run "jailhouse cell list"
    Then the output shows "qemu-arm64-linux-demo   running           2-3"
    And the output shows "qemu-arm64              running           0-1,4-15"
    When I run "cat /sys/devices/system/cpu/online"
    Then the output shows "0-1,4-15"
    When I run "jailhouse cell shutdown qemu-arm64-linux-demo"
    Then the command succeeds
    And the cell "qemu-arm64-linux-demo" is in state "shut down"
    When I run "jailhouse cell list"
    Then the output shows "qemu-arm64-linux-demo   shut down         2-3"
    When the cell "qemu-arm64-linux-demo" is destroyed
    Then the hypervisor console shows "Closing cell \"qemu-arm64-linux-demo\""
    And the primary console shows "Destroyed Jailhouse cell \"qemu-arm64-linux-demo\""
    And no cell exists but the root cell
    And the root cell is "running"
    When I run "jailhouse cell list"
    Then the output shows "qemu-arm64              running           0-15"
    And the output does not show "qemu-arm64-linux-demo"
    When I run "cat /sys/devices/system/cpu/online"
    Then the output shows "0-15"
