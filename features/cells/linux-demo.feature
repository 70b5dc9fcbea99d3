@cells @linux
Feature: The Processor SDK demo: linux-demo.sh boots a second Linux in a cell

  Scenario Outline: on <board>, a Linux inmate boots to a login on the secondary UART
    Given the board "<board>" has booted with the overlay "<overlay>"
    And I am logged in as root
    When I run "/usr/share/jailhouse/linux-demo.sh"
    Then the command succeeds
    And the hypervisor console shows, in order:
      | Activating hypervisor                                  |
      | Adding virtual PCI device 00:00.0 to cell "<cell>"     |
      | Created cell "<cell>"                                  |
      | Cell "<cell>" can be loaded                            |
      | Started cell "<cell>"                                  |
    And the cell "<cell>" is in state "running"
    And the secondary console shows "Machine model: <model>" within 1 s
    And the secondary console shows "<host> login: " within 10 s
    When I type "root" on the secondary console
    And I type "mount" on the secondary console
    Then the secondary console shows "rootfs on / type rootfs (rw,size=230400k,nr_inodes=3600)" within 1 s
    And the secondary console shows "devpts on /dev/pts type devpts (rw,relatime,gid=5,mode=620,ptmxmode=000)"

    Examples:
      | board        | overlay                     | cell                    | host       | model                                |
      | k3-am654-idk | k3-am654-idk-jailhouse.dtbo | k3-am654-idk-linux-demo | am65xx-evm | Texas Instruments AM654 Inmate Model |
      | k3-j721e-evm | k3-j721e-evm-jailhouse.dtbo | k3-j721e-evm-linux-demo | j7-evm     | Texas Instruments J721E Inmate Model |

  Scenario: on QEMU virt the Linux inmate shares the PL011 with the root cell
    Given the board "qemu-arm64-virt" has booted with the overlay "qemu-arm64-virt-jailhouse.dtbo"
    And I am logged in as root
    When I run "/usr/share/jailhouse/linux-demo.sh"
    Then the command succeeds
    And the hypervisor console shows "Started cell \"qemu-arm64-linux-demo\""
    And the cell "qemu-arm64-linux-demo" is in state "running"
    And the primary console shows "Machine model: Jailhouse cell on QEMU ARM64" within 1 s
    And the primary console shows "demo login: " within 10 s
