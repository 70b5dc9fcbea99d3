@isolation
Feature: An inmate that touches the root cell's RAM is parked, and the root cell goes on

  Scenario: the probe reads the root cell's RAM
    Given the board "my-board" has booted
    And the hypervisor is enabled with the root cell "cells/my-board.cell"
    And the cell "cells/my-inmate.cell" is created
    And the inmate "inmates/my-probe.bin" is loaded into the cell "my-inmate" with the access "read64 0x40100000"
    When the cell "my-inmate" is started
    Then the hypervisor console shows "Unhandled data read at 0x40100000(8)" within 50 ms
    And the hypervisor console shows "Parking CPU 1 (Cell: \"my-inmate\")"
    And the cell "my-inmate" is in state "failed"
    And CPU 1 is parked
    And the root cell is "running"
