@cells
Feature: Jailhouse runs on My Board with our own cells and inmate

  Background:
    Given the board "my-board" has booted
    And the hypervisor is enabled with the root cell "cells/my-board.cell"

  Scenario: the hypervisor is enabled with our root cell
    Then the root cell is "running"
    When I run "jailhouse cell list"
    Then the output shows "my-board"

  Scenario: our uart demo runs in our inmate cell
    Given the cell "cells/my-inmate.cell" is created
    And the inmate "inmates/my-uart-demo.bin" is loaded into the cell "my-inmate" at 0x0
    When the cell "my-inmate" is started
    Then the secondary console shows "Hello 1 from cell!" within 500 ms
    And the cell "my-inmate" is in state "running"
