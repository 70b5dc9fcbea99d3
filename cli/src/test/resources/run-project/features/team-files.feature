Feature: A team's own files reach the board as on the real thing

  Scenario: the team's overlay, cells and inmate bring up uart-demo
    Given the board "qemu-arm64-virt" has booted with the overlay "boot/team-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "cells/team.cell"
    And the cell "cells/team-inmate.cell" is created
    And the inmate "inmates/team-uart.bin" is loaded into the cell "inmate-demo" at 0x0
    When the cell "inmate-demo" is started
    Then the secondary console shows "Hello 2 from cell!" within 500 ms
    When I run "ls /home/root/cells"
    Then the output shows "team.cell"
