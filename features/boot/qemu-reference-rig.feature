@boot @linux
Feature: QEMU virt boots the device tree QEMU itself generates, as the reference rig does

  The board's base tree is the one qemu-system-aarch64 dumps for the rig's options
  (-machine virt,gic-version=3,virtualization=on,its=off -cpu cortex-a57 -smp 16 -m 1G -nic none),
  and uEnv.txt gives the root kernel the rig's command line, console=ttyAMA0 mem=768M: the
  hypervisor's memory at 0x7fc00000 stays outside System RAM without an overlay
  (shared/reference-rig/recordings/a-enable).

  Scenario: the root kernel sees the rig's command line, memory and devices
    Given the board "qemu-arm64-virt" has booted
    Then the primary console never showed "Kernel panic"
    When I log in as root
    And I run "dmesg"
    Then the output shows "Kernel command line: console=ttyAMA0 mem=768M"
    And the output shows "pci-host-generic 4010000000.pcie: ECAM at [mem 0x4010000000-0x401fffffff] for [bus 00-ff]"
    And the output shows "pci 0000:00:00.0: [1b36:0008] type 00 class 0x060000"
    When I run "cat /proc/cmdline"
    Then the output shows "console=ttyAMA0 mem=768M"
    When I run "cat /proc/iomem"
    Then the output shows "40000000-6fffffff : System RAM"
    And the output shows "09010000-09010fff : pl031@9010000"
    And the output shows "09030000-09030fff : pl061@9030000"
    And the output shows "10000000-3efeffff : pcie@10000000"
    And the output shows "4010000000-401fffffff : PCI ECAM"
    And the output does not show "70000000-"
    When I run "ls /proc/device-tree"
    Then the output shows "flash@0"
    And the output shows "fw-cfg@9020000"
    And the output shows "virtio_mmio@a003e00"
    And the output does not show "reserved-memory"

  Scenario: after enable the root kernel prints what the rig's printed, and keeps QEMU's host bridge
    Given the board "qemu-arm64-virt" has booted
    And the hypervisor is enabled with the root cell "qemu-arm64.cell"
    Then the primary console shows, in order:
      | Activating hypervisor                                                                                                            |
      | pci-host-generic 8e00000.pci: host bridge /pci@0 ranges:                                                                         |
      | pci-host-generic 8e00000.pci:      MEM 0x0008f00000..0x0008f03fff -> 0x0008f00000                                                |
      | pci-host-generic 8e00000.pci: resource collision: [mem 0x08f00000-0x08f03fff] conflicts with GICR [mem 0x080a0000-0x08ffffff]  |
      | pci-host-generic: probe of 8e00000.pci failed with error -12                                                                     |
      | The Jailhouse is opening.                                                                                                        |
    When I run "cat /proc/iomem"
    Then the output shows "7fc00000-7fffffff : Jailhouse hypervisor"
    When I run "ls /sys/bus/pci/devices/"
    Then the output shows "0000:00:00.0"
    And the output does not show "0001:00"
