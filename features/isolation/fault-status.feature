@isolation @inmates
Feature: A data abort's syndrome names the level at which the cell's stage-2 walk stopped

  The real hypervisor's register dump for park-demo in inmate-demo (recording d-park): reading the
  root cell's RAM at 0x40000000 gives esr 24 1 1810006 (translation fault, level 2), reading the
  root cell's second UART page at 0x09010000 gives 24 1 1810007 (level 3: the cell's own UART page
  shares that level-3 table).

  Background:
    Given the board "qemu-arm64-virt" has booted
    And the hypervisor is enabled with the root cell "qemu-arm64.cell"
    And the cell "qemu-arm64-inmate-demo.cell" is created

  Scenario Outline: inmate-demo reads <what>
    Given the inmate "mmio-probe.bin" is loaded into the cell "inmate-demo" with the access "read32 <address>"
    When the cell "inmate-demo" is started
    Then the hypervisor console shows "Unhandled data read at <reported>(4)" within 50 ms
    And the hypervisor console shows "Parking CPU 1 (Cell: \"inmate-demo\")"
    And the fault's syndrome reports a translation fault at level <level>

    Examples:
      | what                             | address    | reported   | level |
      | the root cell's RAM              | 0x40000000 | 0x40000000 | 2     |
      | the root cell's second UART page | 0x09010000 | 0x9010000  | 3     |
