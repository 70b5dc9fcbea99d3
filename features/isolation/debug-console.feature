@isolation @inmates
Feature: The hypervisor's debug console, reached by hypercall

  Background:
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "k3-am654-idk.cell"

  Scenario: a cell allowed the hypervisor's debug console prints through hypercall 8 too
    Given the cell "k3-am654-idk-inmate-demo-console.cell" is created
    And the inmate "uart-demo.bin" is loaded into the cell "inmate-demo"
    When the cell "inmate-demo" is started
    Then the secondary console shows "Hello 1 from cell!" within 50 ms
    And the hypervisor console shows "Hello 1 from cell!" within 50 ms
    When I run "jailhouse console"
    Then the output shows "Hello 1 from cell!"
