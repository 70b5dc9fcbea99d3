@conformance @oracle
Feature: Warden against the real Jailhouse, session by session

  The real Jailhouse (siemens/jailhouse master e57d1eff) with a real Linux 6.1 root kernel was
  recorded on qemu-system-aarch64 -machine virt,gic-version=3,virtualization=on,its=off, -smp 16
  (shared/reference-rig). Each session is replayed command by command on Warden's QEMU virt board;
  every exit status and every line must come out the same, but for what differs between two runs
  of the real system. The session files say what each session holds and why a line is left out.

  Scenario Outline: <session>: <what>
    When the recorded session "<session>" is replayed
    Then Warden printed what the real Jailhouse printed

    Examples:
      | session       | what                                                                          |
      | a-enable      | enable, cell list, sysfs, the console, disable, rmmod                         |
      | b-gic-demo    | gic-demo in inmate-demo: create, load, start, statistics, shutdown, destroy   |
      | c-uart-demo   | uart-demo, its output woven into the root shell's on the one UART             |
      | d-park        | park-demo reads root RAM, then the root's second UART page, and is parked     |
      | e-rejections  | 22 refusals, with the tool's output and exit status                           |
      | f-linux-demo  | the linux-demo cell, its loader, kernel, initramfs and tree loaded by hand    |
      | i-hypercalls  | hc-demo's hypercalls and SMCs from a cell, and the calls that trap            |
      | j-bad-configs | damaged and dangerous configurations; a disable that parks a root CPU         |
