@isolation @inmates
Feature: Real AArch64 inmates run in their cells and print on the cell's UART

  Scenario: uart-demo says hello on the AM654's MCU UART
    Given the board "k3-am654-idk" has booted with the overlay "k3-am654-idk-jailhouse.dtbo"
    And the hypervisor is enabled with the root cell "k3-am654-idk.cell"
    And the cell "k3-am654-idk-inmate-demo.cell" is created
    And the inmate "uart-demo.bin" is loaded into the cell "inmate-demo"
    When the cell "inmate-demo" is started
    Then the secondary console shows "Hello 1 from cell!" within 50 ms
    And the secondary console shows "Hello 3 from cell!" within 2 s
    And the cell "inmate-demo" is in state "running"
