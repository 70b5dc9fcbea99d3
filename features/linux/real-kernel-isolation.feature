@linux @slow
Feature: The real kernel touches a UART its cell does not own and the hypervisor parks its CPU

  The inmate tree inmate-qemu-arm64-uart-not-owned.dtb puts the PL011 at 0x09010000, QEMU virt's
  PL031 RTC, which the root cell owns and the linux-demo cell does not. Debian's kernel probes
  the UART there (the AMBA bus reads its PrimeCell ID registers): the access misses the cell's
  stage-2 map, the hypervisor reports it and parks the CPU. As in Jailhouse, the cell's state
  turns "failed" only once all its CPUs are parked: its second CPU still runs, and
  `jailhouse cell list` names CPU 2 among the failed ones. The kernel never had a console, so
  the hypervisor's lines are all it leaves. Runs under -Preal-kernel.

  Scenario: Debian's kernel reads the root cell's RTC page through its wrong tree
    Given the board "qemu-arm64-virt" has booted
    And the Linux inmate is the real kernel
    And the hypervisor is enabled with the root cell "qemu-arm64.cell"
    When I run "jailhouse cell linux /usr/share/jailhouse/cells/qemu-arm64-linux-demo-248m.cell /root/debian/Image -d /boot/dtb/inmate-qemu-arm64-uart-not-owned.dtb -i /root/debian/initramfs.cpio.gz -c \"console=ttyAMA0\""
    Then the command succeeds
    And the hypervisor console shows "Started cell \"qemu-arm64-linux-demo\""
    And the hypervisor console shows "Unhandled data read at 0x9010fe0(4)" within 2 s
    And the hypervisor console shows "Parking CPU 2 (Cell: \"qemu-arm64-linux-demo\")"
    And CPU 2 is parked
    And the cell "qemu-arm64-linux-demo" is in state "running"
    And the root cell is "running"
    When I run "jailhouse cell list"
    Then the output shows "qemu-arm64-linux-demo   running           2-3                     2"
    And the primary console never showed "Booting Linux on physical CPU 0x0000000002"
