@conformance @wip
Feature: Conformance: catalogue failures the model cannot reproduce yet

  Each scenario names what Warden lacks to reproduce the failure. They are @wip: left out of every
  run unless the tag expression asks for @wip, and shown as "wip" in the conformance matrix.

  @F02
  Scenario: F02 firmware writing into the hypervisor's carve-out after boot is reported
    Needs a firmware model (TF-A, OP-TEE, a framebuffer) that writes into reserved memory during boot.
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    Then the firmware wrote into no memory reserved for Jailhouse

  @F03
  Scenario: F03 a kernel entered at EL1 cannot enable the hypervisor
    Needs an entry-EL setting of the board (U-Boot dropping to EL1) and the root kernel's HVC abort.
    Given the board "k3-am654-idk" enters the kernel at EL1
    And the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    Then the primary console shows "CPU: All CPU(s) started at EL1"

  @F05
  Scenario: F05 an ivshmem device with too few shared-memory regions is refused at enable
    Needs a step that removes regions of an ivshmem device, and the error trace of ivshmem.c in the hypervisor model.
    Given the board "qemu-arm64-virt" has booted with the overlay "qemu-arm64-virt-jailhouse.dtbo"
    And a copy of "qemu-arm64.cell" without the last ivshmem region is at "/home/root/short-ivshmem.cell"
    When I run "jailhouse enable /home/root/short-ivshmem.cell"
    Then the command fails with "JAILHOUSE_ENABLE: Invalid argument"

  @F07
  Scenario: F07 a wrong GIC distributor base traps the root's first GIC access
    Needs a step to move gicd_base in a system configuration and the GIC's aliasing model.
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And a copy of "k3-am654-idk.cell" with the GIC distributor at 0x01810000 is at "/home/root/bad-gic.cell"
    When I run "jailhouse enable /home/root/bad-gic.cell"
    Then the hypervisor console shows "Unhandled data read"

  @F10
  Scenario: F10 more MMIO regions than the hypervisor's handler table holds is a warning at create
    Needs the per-cell MMIO handler budget in the hypervisor model and its "Overflow during MMIO region registration" warning.
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    And a copy of "k3-am654-idk-inmate-demo.cell" with 40 more sub-page regions is at "/home/root/many-subpages.cell"
    When I run "jailhouse cell create /home/root/many-subpages.cell"
    Then the hypervisor console shows "WARNING: Overflow during MMIO region registration!"

  @F21
  Scenario: F21 DMA from a device of a cell without stream ids reaches another cell's memory
    Needs SMMU/PVU translation and a DMA-master device model; the units are initialised, no DMA is checked.
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    Then a DMA of the cell's device into the root cell's RAM faults

  @F22
  Scenario: F22 a Linux inmate given a vmlinux ELF instead of an Image stays shut down without output
    Needs the Linux-inmate model to refuse an ELF kernel the way the arm64 boot protocol does.
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    When I run "jailhouse cell linux /usr/share/jailhouse/cells/k3-am654-idk-linux-demo.cell /boot/vmlinux -d /boot/dtb/ti/inmate-k3-am654-idk.dtb"
    Then the cell "k3-am654-idk-linux-demo" is in state "shut down"

  @F23
  Scenario: F23 a CPU stuck in firmware after "Activating hypervisor" is named by the harness
    Needs PSCI/SDEI fault injection in the firmware model and a per-phase watchdog naming the CPU.
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And CPU 3 hangs in PSCI
    When I type "jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell" on the primary console
    Then the shell does not come back, because "CPU 3 never entered the hypervisor"

  @F24
  Scenario: F24 every silent EINVAL of enable names its cause with the hypervisor's error trace
    Needs the model's trace_error lines ("file.c:NNN: returning error -EINVAL") for each refusal.
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And a copy of "k3-am654-idk.cell" with byte 5 set to 1 is at "/home/root/arm32-root.cell"
    When I run "jailhouse enable /home/root/arm32-root.cell"
    Then the hypervisor console shows "returning error -EINVAL"

  @F25
  Scenario: F25 the root Linux touching the GICv3 ITS while a CPU goes to a cell parks the root CPU
    Needs an ITS on Warden's QEMU virt board (it runs with its=off) and the root kernel's ITS accesses on CPU hot-unplug.
    Given the board "qemu-arm64-virt" has booted with the overlay "qemu-arm64-virt-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "qemu-arm64.cell"
    When I run "jailhouse cell create /usr/share/jailhouse/cells/qemu-arm64-inmate-demo.cell"
    Then the hypervisor console shows "Unhandled data read at 0x8080008(8)"
