Feature: A scenario that fails

  Scenario: the board never prints this
    Given the board "qemu-arm64-virt" is powered on
    Then the primary console shows "Hello from another board" within 100 ms
