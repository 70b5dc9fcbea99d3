#!/usr/bin/env bash
# The bare-metal oracle of the real-kernel boot: Debian's kernel and the busybox initramfs
# (fetch-debian-kernel.sh) under qemu-system-aarch64 -M virt, the same machine `warden run-image`
# builds, up to the login prompt.
#   record-qemu-boot.sh           writes qemu-virt-a53.dtb (QEMU's own tree for the machine,
#                                 compacted) and qemu-virt-boot.log (the console, CR LF -> LF)
#   record-qemu-boot.sh --check   boots QEMU again and compares its log with the committed one,
#                                 timestamps aside
# The machine: GICv3 without ITS, one Cortex-A53 without PMU, 256 MiB, no NIC, deterministic
# time (-icount shift=0,sleep=off: one instruction per nanosecond, as on Warden), the RTC
# counting the machine's time from 1970 (Warden's PL031), no random seeds in the tree.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${WARDEN_CACHE:-$HOME/.cache/warden}/linux
qemu=${QEMU:-qemu-system-aarch64}
check=false
[ "${1:-}" = --check ] && check=true

machine="virt,gic-version=3,its=off,dtb-randomness=off"
cpu="cortex-a53,pmu=off"
common=(-cpu "$cpu" -smp 1 -m 256M -nographic -nic none)
append="console=ttyAMA0"

work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT INT TERM

# QEMU pads its dump to 1 MiB; the kernel gets the compacted tree (dtc), as run-image does.
"$qemu" -machine "$machine,dumpdtb=$work/dump.dtb" "${common[@]}" >/dev/null 2>&1 || true
dtc -q -I dtb -O dtb -o "$work/qemu-virt-a53.dtb" "$work/dump.dtb"
if ! $check; then cp "$work/qemu-virt-a53.dtb" "$here/qemu-virt-a53.dtb"; fi
cmp -s "$work/qemu-virt-a53.dtb" "$here/qemu-virt-a53.dtb" || { echo "QEMU's tree differs from qemu-virt-a53.dtb" >&2; exit 1; }

"$qemu" -machine "${machine%,dtb-randomness=off}" "${common[@]}" -icount shift=0,sleep=off \
  -rtc base=1970-01-01T00:00:00,clock=vm -dtb "$here/qemu-virt-a53.dtb" \
  -kernel "$cache/Image" -initrd "$cache/initramfs.cpio.gz" -append "$append" \
  </dev/null >"$work/console.raw" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  grep -q "login: " "$work/console.raw" && break
  sleep 0.5
done
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
pid=
tr -d '\r' < "$work/console.raw" | sed -n '1,/login: /p' | sed 's/\(login: \).*/\1/' > "$work/boot.log"
grep -q "login: " "$work/boot.log" || { echo "QEMU did not reach the login prompt" >&2; tail -5 "$work/boot.log" >&2; exit 1; }

strip() { sed 's/^\[ *[0-9]*\.[0-9]*\] //' "$1"; }
if $check; then
  diff <(strip "$here/qemu-virt-boot.log") <(strip "$work/boot.log") && echo "QEMU's boot log matches qemu-virt-boot.log"
else
  cp "$work/boot.log" "$here/qemu-virt-boot.log"
  { "$qemu" --version | head -n1; cat "$cache/kernel-version"; } > "$here/qemu-version.txt"
  echo "recorded $(wc -l < "$here/qemu-virt-boot.log") lines"
fi
