@linux @slow
Feature: The seed's Linux inmate for real: Debian's arm64 kernel boots in the linux-demo cell

  The seed's step 4 and its secondary-terminal check with an unmodified kernel: `jailhouse cell
  linux` loads Debian's arm64 Image, the cell's device tree and a busybox initramfs into the
  linux-demo cell, and Warden's cores 2 and 3 run them behind the cell's stage-2 map. On the
  AM654 IDK the cell has its own UART (MCU UART0, the secondary console). QEMU virt has one
  PL011: the cell shares it with the root cell and owns its interrupt, so the inmate's log and
  login appear on the primary console, and once the inmate's kernel has enabled that interrupt
  what is typed there goes to the inmate's shell. About a minute of wall time each: runs under
  -Preal-kernel (after firmware-fixtures/linux/real/fetch-debian-kernel.sh), never in the
  default suite.

  Scenario: jailhouse cell linux boots Debian's kernel; root logs in on the cell's console and mount shows the seed's lines
    Given the board "qemu-arm64-virt" has booted
    And the Linux inmate is the real kernel
    And the hypervisor is enabled with the root cell "qemu-arm64.cell"
    When I run "jailhouse cell linux /usr/share/jailhouse/cells/qemu-arm64-linux-demo-248m.cell /root/debian/Image -d /boot/dtb/inmate-qemu-arm64.dtb -i /root/debian/initramfs.cpio.gz -c \"console=ttyAMA0\""
    Then the command succeeds
    And the hypervisor console shows, in order:
      | Adding virtual PCI device 00:00.0 to cell "qemu-arm64-linux-demo" |
      | Created cell "qemu-arm64-linux-demo"                              |
      | Cell "qemu-arm64-linux-demo" can be loaded                        |
      | Started cell "qemu-arm64-linux-demo"                              |
    And the cell "qemu-arm64-linux-demo" is in state "running"
    And the primary console shows, in order:
      | Booting Linux on physical CPU 0x0000000002           |
      | Machine model: Jailhouse cell on QEMU ARM64          |
      | Kernel command line: console=ttyAMA0                 |
      | CPU1: Booted secondary processor 0x0000000003        |
      | smp: Brought up 1 node, 2 CPUs                       |
      | Run /init as init process                            |
      | Warden real-kernel initramfs warden /dev/console     |
      | warden login:                                        |
    When I type "root" on the primary console
    Then the primary console shows "BusyBox v1.35.0" within 1 s
    And the primary console shows "@warden:/root# "
    When I type "mount" on the primary console
    Then the primary console shows, in order:
      | rootfs on / type rootfs (rw,size=                                          |
      | proc on /proc type proc (rw,relatime)                                      |
      | sysfs on /sys type sysfs (rw,relatime)                                     |
      | debugfs on /sys/kernel/debug type debugfs (rw,relatime)                    |
      | configfs on /sys/kernel/config type configfs (rw,relatime)                 |
      | devtmpfs on /dev type devtmpfs (rw,relatime,size=                          |
      | tmpfs on /run type tmpfs (rw,nosuid,nodev,relatime,mode=755,inode64)       |
      | tmpfs on /var/volatile type tmpfs (rw,relatime,size=51200k,inode64)        |
      | devpts on /dev/pts type devpts (rw,relatime,gid=5,mode=620,ptmxmode=000)   |
    And the primary console never showed "Kernel panic"
    And the hypervisor console never showed "Parking CPU"

  Scenario: on the seed's board, the AM654 IDK, Debian's kernel logs in on the cell's own UART
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And the Linux inmate is the real kernel
    And the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    When I run "jailhouse cell linux /usr/share/jailhouse/cells/k3-am654-idk-linux-demo.cell /root/debian/Image -d /boot/dtb/ti/inmate-k3-am654-idk.dtb -i /root/debian/initramfs.cpio.gz -c \"console=ttyS1,115200n8 earlycon=ns16550a,mmio32,0x40a00000\""
    Then the command succeeds
    And the hypervisor console shows, in order:
      | Adding virtual PCI device 00:00.0 to cell "k3-am654-idk-linux-demo" |
      | Created cell "k3-am654-idk-linux-demo"                              |
      | Cell "k3-am654-idk-linux-demo" can be loaded                        |
      | Started cell "k3-am654-idk-linux-demo"                              |
    And the cell "k3-am654-idk-linux-demo" is in state "running"
    And the secondary console shows, in order:
      | Booting Linux on physical CPU 0x0000000100           |
      | Machine model: Texas Instruments AM654 Inmate Model  |
      | CPU1: Booted secondary processor 0x0000000101        |
      | smp: Brought up 1 node, 2 CPUs                       |
      | 40a00000.serial: ttyS1 at MMIO 0x40a00000            |
      | Run /init as init process                            |
      | warden login:                                        |
    When I type "root" on the secondary console
    Then the secondary console shows "BusyBox v1.35.0" within 1 s
    And the secondary console shows "@warden:/root# "
    When I type "mount" on the secondary console
    Then the secondary console shows, in order:
      | rootfs on / type rootfs (rw,size=                                          |
      | proc on /proc type proc (rw,relatime)                                      |
      | sysfs on /sys type sysfs (rw,relatime)                                     |
      | debugfs on /sys/kernel/debug type debugfs (rw,relatime)                    |
      | configfs on /sys/kernel/config type configfs (rw,relatime)                 |
      | devtmpfs on /dev type devtmpfs (rw,relatime,size=                          |
      | tmpfs on /run type tmpfs (rw,nosuid,nodev,relatime,mode=755,inode64)       |
      | tmpfs on /var/volatile type tmpfs (rw,relatime,size=51200k,inode64)        |
      | devpts on /dev/pts type devpts (rw,relatime,gid=5,mode=620,ptmxmode=000)   |
    And the secondary console never showed "Kernel panic"
    And the hypervisor console never showed "Parking CPU"
