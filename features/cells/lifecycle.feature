@cells
Feature: Cells go through their whole life and give everything back

  Background:
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"

  Scenario: enable, create, load, start, shut down, destroy, disable
    When the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    Then the hypervisor console shows, in order:
      | Initializing Jailhouse hypervisor v0.12 (324-ge57d1eff) on CPU 2 |
      | Code location: 0x0000ffffc0200800                              |
      | Page pool usage after early setup: mem 39/994, remap 0/131072  |
      | Initializing processors:                                       |
      |  CPU 2... OK                                                   |
      | Initializing unit: irqchip                                     |
      | Initializing unit: PCI                                         |
      | Adding virtual PCI device 00:00.0 to cell "k3-am654-idk"       |
      | Page pool usage after late setup: mem 73/994, remap 144/131072 |
      | Activating hypervisor                                          |
      | The Jailhouse is opening.                                      |
    When the cell "k3-am654-idk-inmate-demo.cell" is created
    Then the primary console shows "CPU1: shutdown"
    And the primary console shows "psci: CPU1 killed."
    And the hypervisor console shows "Created cell \"inmate-demo\""
    And the cell "inmate-demo" is in state "shut down"
    When I run "jailhouse cell list"
    Then the output is:
      """
      ID      Name                    State             Assigned CPUs           Failed CPUs             
      0       k3-am654-idk            running           0,2-3                                           
      1       inmate-demo             shut down         1                                               
      """
    When I run "cat /sys/devices/jailhouse/cells/1/cpus_assigned"
    Then the output shows "2"
    Given the inmate "uart-demo.bin" is loaded into the cell "inmate-demo"
    Then the hypervisor console shows "Cell \"inmate-demo\" can be loaded"
    When the cell "inmate-demo" is started
    Then the hypervisor console shows "Started cell \"inmate-demo\""
    And the cell "inmate-demo" is in state "running"
    When I run "jailhouse cell shutdown inmate-demo"
    Then the command succeeds
    And the cell "inmate-demo" is in state "shut down"
    When the cell "inmate-demo" is destroyed
    Then the hypervisor console shows "Closing cell \"inmate-demo\""
    And the primary console shows "CPU1: Booted secondary processor 0x0000000001"
    And the primary console shows "Destroyed Jailhouse cell \"inmate-demo\""
    # Not all pages come back: the root cell keeps the level-3 table that splitting its 2 MiB block
    # at 0x8e0000000 for the cell's RAM allocated (Jailhouse never merges pages back into a block,
    # research/pagepool.md §5.3); after late setup the pool held 73 pages.
    And the hypervisor console shows "Page pool usage after cell destruction: mem 74/994, remap 144/131072"
    And no cell exists but the root cell
    When I run "jailhouse disable"
    Then the hypervisor console shows "Shutting down hypervisor"
    And the hypervisor console shows " Releasing CPU 0"
    And the primary console shows "The Jailhouse was closed."
    And the hypervisor is disabled

  Scenario: cell ids are reused, lowest first
    Given the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    And the cell "k3-am654-idk-inmate-demo.cell" is created
    And the cell "k3-am654-idk-linux-demo.cell" is created
    When the cell "inmate-demo" is destroyed
    And the cell "k3-am654-idk-inmate-demo.cell" is created
    And I run "jailhouse cell list"
    Then the output shows "1       inmate-demo"
    And the output shows "2       k3-am654-idk-linux-demo"
