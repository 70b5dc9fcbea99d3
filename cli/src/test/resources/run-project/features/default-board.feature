Feature: Scenarios that name no board use the project's, or --board's

  Scenario: the board named by warden.yaml or --board
    When the board is powered on
    Then the board boots to its login prompt
