@cells
Feature: Jailhouse on the AM625 SK with the cells warden config create wrote

  Background:
    Given the board "am625-sk" has booted
    And the hypervisor is enabled with the root cell "cells/am625-sk.cell"
    And the cell "cells/am625-sk-inmate.cell" is created

  Scenario: our uart-demo runs in the inmate cell on CPU 3
    Given the inmate "inmates/uart-demo.bin" is loaded into the cell "am625-sk-inmate" at 0x0
    When the cell "am625-sk-inmate" is started
    Then the primary console shows "Hello 1 from cell!" within 500 ms
    And the cell "am625-sk-inmate" is in state "running"

  @isolation
  Scenario: a probe of the root cell's RAM is parked
    Given the inmate "inmates/mmio-probe.bin" is loaded into the cell "am625-sk-inmate" with the access "read32 0x90000000"
    When the cell "am625-sk-inmate" is started
    Then the hypervisor console shows "Unhandled data read at 0x90000000(4)" within 50 ms
    And the hypervisor console shows "Parking CPU 3 (Cell: \"am625-sk-inmate\")"
    And CPU 3 is parked
    And the cell "am625-sk-inmate" is in state "failed"
    And the root cell is "running"
