Feature: A scenario with a step nobody wrote

  Scenario: a barrel roll
    Given the board "qemu-arm64-virt" is powered on
    When the board does a barrel roll
