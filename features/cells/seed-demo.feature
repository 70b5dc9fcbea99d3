@cells @linux @seed
Feature: The seed: TI's Jailhouse demo on the AM654 IDK, message for message

  The transcript of TI's Processor SDK documentation (shared/seed), reproduced with the
  ti2019.03 fork's personality and configurations.

  Scenario: linux-demo.sh on the AM654 IDK with TI's Jailhouse v0.10
    Given the Jailhouse release is "ti-v0.10"
    And the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And I am logged in as root
    When I run "/usr/share/jailhouse/linux-demo.sh"
    Then the command succeeds
    And the hypervisor console shows, in order:
      | Initializing Jailhouse hypervisor v0.10 (152-g6dce20f) on CPU 2                 |
      | Code location: 0x0000ffffc0200800                                               |
      | Page pool usage after early setup: mem 39/991, remap 0/131072                   |
      | Initializing processors:                                                        |
      |  CPU 2... OK                                                                    |
      |  CPU 3... OK                                                                    |
      |  CPU 1... OK                                                                    |
      |  CPU 0... OK                                                                    |
      | Initializing unit: irqchip                                                      |
      | Initializing unit: PVU IOMMU                                                    |
      | Initializing unit: ARM SMMU v3                                                  |
      | Initializing unit: PCI                                                          |
      | Adding virtual PCI device 00:00.0 to cell "k3-am654-idk"                        |
      | Initializing unit: regmap                                                       |
      | Page pool usage after late setup: mem 71/991, remap 144/131072                  |
      | Activating hypervisor                                                           |
      | jailhouse: CONFIG_OF_OVERLAY disabled                                           |
      | jailhouse: failed to add virtual host controller                                |
      | The Jailhouse is opening.                                                       |
      | CPU2: shutdown                                                                  |
      | psci: CPU2 killed.                                                              |
      | CPU3: shutdown                                                                  |
      | psci: CPU3 killed.                                                              |
      | Adding virtual PCI device 00:00.0 to cell "k3-am654-idk-linux-demo"             |
      | Shared memory connection established: "k3-am654-idk-linux-demo" <--> "k3-am654-idk" |
      | Created cell "k3-am654-idk-linux-demo"                                          |
      | Page pool usage after cell creation: mem 93/991, remap 144/131072               |
      | Created Jailhouse cell "k3-am654-idk-linux-demo"                                |
      | Cell "k3-am654-idk-linux-demo" can be loaded                                    |
      | Started cell "k3-am654-idk-linux-demo"                                          |
    And the secondary console shows "Arago Project http://arago-project.org am65xx-evm /dev/ttyS1" within 10 s
    And the secondary console shows "am65xx-evm login: " within 1 s
    When I type "root" on the secondary console
    And I type "mount" on the secondary console
    Then the secondary console shows, in order:
      | rootfs on / type rootfs (rw,size=230400k,nr_inodes=3600)                          |
      | proc on /proc type proc (rw,relatime)                                             |
      | sysfs on /sys type sysfs (rw,relatime)                                            |
      | debugfs on /sys/kernel/debug type debugfs (rw,relatime)                           |
      | configfs on /sys/kernel/config type configfs (rw,relatime)                        |
      | devtmpfs on /dev type devtmpfs (rw,relatime,size=230400k,nr_inodes=3600,mode=755) |
      | tmpfs on /run type tmpfs (rw,nosuid,nodev,mode=755)                               |
      | tmpfs on /var/volatile type tmpfs (rw,relatime,size=51200k)                       |
      | devpts on /dev/pts type devpts (rw,relatime,gid=5,mode=620,ptmxmode=000)          |
