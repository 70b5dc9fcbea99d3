Feature: A file of the wrong kind

  Scenario: an inmate where the root cell belongs
    Given the board "qemu-arm64-virt" has booted
    And the hypervisor is enabled with the root cell "inmates/team-uart.bin"
