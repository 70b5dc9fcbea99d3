@cells @rejections
Feature: A cell that is not passive is asked before it is shut down

  Background:
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "k3-am654-idk.cell"

  Scenario: a cell that does not answer within its reply timeout is set failed, then shut down
    Given the cell "k3-am654-idk-inmate-demo-timeout.cell" is created
    And the inmate "uart-demo.bin" is loaded into the cell "inmate-demo"
    And the cell "inmate-demo" is started
    Then the secondary console shows "Hello 1 from cell!" within 50 ms
    When I run "jailhouse cell shutdown inmate-demo"
    Then the command succeeds
    And the hypervisor console shows, in order:
      | Timeout expired while waiting for reply from target cell |
      | Cell "inmate-demo" can be loaded                          |
    And the cell "inmate-demo" is in state "shut down"

  Scenario: a cell that does not answer and has no reply timeout keeps the root CPU waiting
    Given the cell "k3-am654-idk-inmate-demo-active.cell" is created
    And the inmate "uart-demo.bin" is loaded into the cell "inmate-demo"
    And the cell "inmate-demo" is started
    Then the secondary console shows "Hello 1 from cell!" within 50 ms
    When I type "jailhouse cell shutdown inmate-demo" on the primary console
    Then the shell does not come back, because "waiting for cell \"inmate-demo\" to answer its shutdown request"
    And the secondary console shows "Hello 3 from cell!" within 1 s
