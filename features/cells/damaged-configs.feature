@cells @rejections
Feature: Damaged configurations made on the board with the shell, as the reference rig's j-bad-configs session makes them

  Background:
    Given the board "qemu-arm64-virt" has booted with the overlay "qemu-arm64-virt-jailhouse.dtbo"
    And I am logged in as root
    And the jailhouse driver is loaded

  Scenario: a system configuration cut short, of revision 13, and with a wrong signature
    When I run "cd /tmp"
    And I run "head -c 100 /etc/jailhouse/qemu-arm64.cell > sys-trunc.cell"
    And I run "cp /etc/jailhouse/qemu-arm64.cell sys-rev13.cell"
    And I run "printf '\015\000' | dd of=sys-rev13.cell bs=1 seek=6 conv=notrunc"
    Then the output is:
      """
      2+0 records in
      2+0 records out
      """
    When I run "cp /etc/jailhouse/qemu-arm64.cell sys-sig.cell"
    And I run "printf 'JHSYX' | dd of=sys-sig.cell bs=1 seek=0 conv=notrunc"
    And I run "ls -l *.cell"
    Then the output is:
      """
      -rw-r--r--    1 0        0             1024 Jan  1 00:00 sys-rev13.cell
      -rw-r--r--    1 0        0             1024 Jan  1 00:00 sys-sig.cell
      -rw-r--r--    1 0        0              100 Jan  1 00:00 sys-trunc.cell
      """
    When I run "hexdump -C sys-rev13.cell | head -1"
    Then the output is:
      """
      00000000  4a 48 53 59 53 02 0d 00  01 00 00 00 00 00 c0 7f  |JHSYS...........|
      """
    When I run "jailhouse enable sys-trunc.cell"
    Then the command fails with "JAILHOUSE_ENABLE: Invalid argument"
    When I run "jailhouse enable sys-rev13.cell"
    Then the command fails with "JAILHOUSE_ENABLE: Invalid argument"
    And the output shows "jailhouse: Configuration revision mismatch"
    When I run "jailhouse enable sys-sig.cell"
    Then the command fails with "JAILHOUSE_ENABLE: Invalid argument"
    And the output shows "jailhouse: Not a system configuration"
    When I run "jh-pool"
    Then the output is:
      """
      enabled: 0
      mem_pool_size: 0
      mem_pool_used: 0
      remap_pool_size: 0
      remap_pool_used: 0
      """

  Scenario: a read-only folder refuses the damaged copy
    When I run "cp /etc/jailhouse/qemu-arm64.cell /etc/jailhouse/copy.cell"
    Then the command fails with "cp: can't create '/etc/jailhouse/copy.cell': Read-only file system"
