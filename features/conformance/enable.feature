@conformance
Feature: Conformance: what jailhouse enable refuses and what the root Linux sees after it

  The failures of the failure catalogue (shared/specs/failure-catalogue.md) that happen at
  `jailhouse enable`, on every board and Jailhouse release where they can happen. A row whose
  scenario passes means the board and release behave as the catalogue says the real ones do.

  @F01
  Scenario Outline: F01 without the Jailhouse overlay the hypervisor memory is not reserved and enable fails (<board>, <release>)
    Given the Jailhouse release is "<release>"
    And the board "<board>"
    And the boot media lists no overlays
    And the board boots to its login prompt
    And the jailhouse driver is loaded
    When I run "jailhouse enable /usr/share/jailhouse/cells/<root cell>"
    Then the command fails with "JAILHOUSE_ENABLE: Invalid argument"
    And the primary console shows "jailhouse: request_mem_region failed for hypervisor memory."
    And the hypervisor is disabled

    Examples:
      | board           | release  | root cell         |
      | k3-am654-idk    | upstream | k3-am654-idk.cell |
      | k3-am654-idk    | ti-v0.10 | k3-am654-idk.cell |
      | k3-j721e-evm    | upstream | k3-j721e-evm.cell |
      | k3-j721e-evm    | ti-v0.10 | k3-j721e-evm.cell |

  # QEMU virt boots its own tree, which reserves nothing: the rig keeps Linux out of the hypervisor's
  # memory with mem=768M on the kernel command line (shared/reference-rig/README.md)
  @F01
  Scenario: F01 without mem= on QEMU virt's command line Linux owns the hypervisor memory and enable fails (qemu-arm64-virt, upstream)
    Given the board "qemu-arm64-virt"
    And uEnv.txt on the boot media is:
      """
      args_mmc=setenv bootargs console=ttyAMA0
      """
    And the board boots to its login prompt
    And the jailhouse driver is loaded
    When I run "jailhouse enable /usr/share/jailhouse/cells/qemu-arm64.cell"
    Then the command fails with "JAILHOUSE_ENABLE: Invalid argument"
    And the primary console shows "jailhouse: request_mem_region failed for hypervisor memory."
    And the hypervisor is disabled

  @F04
  Scenario Outline: F04 a cell configuration given to enable is not a system configuration (<board>, <release>)
    Given the Jailhouse release is "<release>"
    And the board "<board>" has booted with the overlay "<overlay>"
    And the jailhouse driver is loaded
    When I run "jailhouse enable /usr/share/jailhouse/cells/<inmate cell>"
    Then the command fails with "JAILHOUSE_ENABLE: Invalid argument"
    And the primary console shows "jailhouse: Not a system configuration"

    Examples:
      | board           | release  | overlay                        | inmate cell                   |
      | k3-am654-idk    | upstream | k3-am654-idk-jailhouse.dtbo    | k3-am654-idk-inmate-demo.cell |
      | k3-am654-idk    | ti-v0.10 | k3-am654-idk-jailhouse.dtbo    | k3-am654-idk-inmate-demo.cell |
      | k3-j721e-evm    | upstream | k3-j721e-evm-jailhouse.dtbo    | k3-j721e-evm-inmate-demo.cell |
      | k3-j721e-evm    | ti-v0.10 | k3-j721e-evm-jailhouse.dtbo    | k3-j721e-evm-inmate-demo.cell |
      | qemu-arm64-virt | upstream | qemu-arm64-virt-jailhouse.dtbo | qemu-arm64-inmate-demo.cell   |

  @F04
  Scenario Outline: F04 a system configuration of another revision is refused (<board>, <release>)
    Given the Jailhouse release is "<release>"
    And the board "<board>" has booted with the overlay "<overlay>"
    And the jailhouse driver is loaded
    And a copy of "<root cell>" with byte 6 set to 13 is at "/home/root/rev13.cell"
    When I run "jailhouse enable /home/root/rev13.cell"
    Then the command fails with "JAILHOUSE_ENABLE: Invalid argument"
    And the primary console shows "jailhouse: Configuration revision mismatch"

    Examples:
      | board           | release  | overlay                        | root cell         |
      | k3-am654-idk    | upstream | k3-am654-idk-jailhouse.dtbo    | k3-am654-idk.cell |
      | k3-am654-idk    | ti-v0.10 | k3-am654-idk-jailhouse.dtbo    | k3-am654-idk.cell |
      | k3-j721e-evm    | upstream | k3-j721e-evm-jailhouse.dtbo    | k3-j721e-evm.cell |
      | k3-j721e-evm    | ti-v0.10 | k3-j721e-evm-jailhouse.dtbo    | k3-j721e-evm.cell |
      | qemu-arm64-virt | upstream | qemu-arm64-virt-jailhouse.dtbo | qemu-arm64.cell   |

  @F06
  Scenario Outline: F06 a root cell whose CPUs are not the CPUs Linux has online is refused before any CPU enters (<board>, <release>)
    Given the Jailhouse release is "<release>"
    And the board "<board>" has booted with the overlay "<overlay>"
    And the jailhouse driver is loaded
    When I run "jailhouse enable <config>"
    Then the command fails with "JAILHOUSE_ENABLE: Invalid argument"
    And the primary console never showed "The Jailhouse is opening."
    And the hypervisor is disabled

    Examples:
      | board           | release  | overlay                        | config                                 |
      | qemu-arm64-virt | upstream | qemu-arm64-virt-jailhouse.dtbo | /home/root/configs/qemu-arm64-4cpus.cell |

  @F18 @F19
  Scenario Outline: F19 after enable the root Linux probes the virtual PCI host, as far as the release and the board let it (<board>, <release>)
    Given the Jailhouse release is "<release>"
    And the board "<board>" has booted with the overlay "<overlay>"
    And the hypervisor is enabled with the root cell "<root cell>"
    Then the hypervisor console shows "Adding virtual PCI device 00:00.0 to cell \"<root name>\""
    And the primary console shows "<root log>"

    Examples:
      | board           | release  | overlay                        | root cell         | root name    | root log                                                              |
      | k3-j721e-evm    | upstream | k3-j721e-evm-jailhouse.dtbo    | k3-j721e-evm.cell | k3-j721e-evm | pci 0004:00:00.0: [110a:4106] type 00 class 0xff0000                  |
      | k3-j721e-evm    | ti-v0.10 | k3-j721e-evm-jailhouse.dtbo    | k3-j721e-evm.cell | k3-j721e-evm | jailhouse: failed to add virtual host controller                      |
      | k3-am654-idk    | ti-v0.10 | k3-am654-idk-jailhouse.dtbo    | k3-am654-idk.cell | k3-am654-idk | jailhouse: failed to add virtual host controller                      |
      | qemu-arm64-virt | upstream | qemu-arm64-virt-jailhouse.dtbo | qemu-arm64.cell   | qemu-arm64   | pci-host-generic: probe of 8e00000.pci failed with error -12          |
