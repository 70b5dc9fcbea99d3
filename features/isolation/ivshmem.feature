@isolation @inmates @ivshmem
Feature: Cells linked by ivshmem find their device and ring each other's doorbells

  Scenario: two ivshmem-demo inmates on QEMU virt, peers 1 and 2 of the root cell's link
    Given the board "qemu-arm64-virt" has booted with the overlay "qemu-arm64-virt-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "qemu-arm64.cell"
    And the cell "qemu-arm64-inmate-demo.cell" is created
    And the cell "qemu-arm64-linux-demo.cell" is created
    And the inmate "ivshmem-demo.bin" is loaded into the cell "inmate-demo"
    And the inmate "ivshmem-demo.bin" is loaded into the cell "qemu-arm64-linux-demo"
    When the cell "inmate-demo" is started
    Then the primary console shows "IVSHMEM: Found device at 00:00.0" within 50 ms
    And the primary console shows "IVSHMEM: ID is 1"
    And the primary console shows "IVSHMEM: max. peers is 3"
    And the primary console shows "IVSHMEM: initialized device"
    When the cell "qemu-arm64-linux-demo" is started
    Then the primary console shows "IVSHMEM: ID is 2" within 50 ms
    And the primary console shows "IVSHMEM: sending IRQ 0 to peer 2" within 2 s
    And the primary console shows "IVSHMEM: got interrupt 0 (#1)" within 10 ms
    And the cell "inmate-demo" is in state "running"
    And the cell "qemu-arm64-linux-demo" is in state "running"

  Scenario: the root Linux finds its ivshmem functions on the virtual PCI host
    Given the board "k3-j721e-evm" has booted with the overlay "k3-j721e-evm-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "k3-j721e-evm.cell"
    Then the primary console shows "pci-host-generic 76000000.pci: PCI host bridge to bus 0004:00"
    And the primary console shows "pci 0004:00:00.0: [110a:4106] type 00 class 0xff0000"
    And the primary console shows "pci 0004:00:01.0: [110a:4106] type 00 class 0xff0001"

  # QEMU sizes the redistributor region of its tree for 123 CPUs, up to 0x08ffffff, and the
  # window after the virtual host's ECAM at 0x08e00000 falls inside it (recorded on the real
  # Jailhouse: shared/reference-rig/recordings/a-enable; booted as the rig boots, without an overlay).
  Scenario: on QEMU virt the virtual PCI host's window collides with the GIC redistributors
    Given the board "qemu-arm64-virt" has booted
    And the hypervisor is enabled with the root cell "qemu-arm64.cell"
    Then the primary console shows "pci-host-generic 8e00000.pci: resource collision: [mem 0x08f00000-0x08f03fff] conflicts with GICR [mem 0x080a0000-0x08ffffff]"
    And the primary console shows "pci-host-generic: probe of 8e00000.pci failed with error -12"
    And the primary console never showed "PCI host bridge to bus 0001:00"
