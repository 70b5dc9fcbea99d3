#!/bin/sh
# Records what QEMU's virt board gives a bare-metal program that follows a stray pointer into
# low memory, where QEMU has its two (empty) CFI flash banks: stray-read.elf is the standalone
# mmio-probe (../../inmates/build/qemu-arm64-virt-standalone/mmio-probe.elf) with the parameter
# block of accesses.txt patched into its .params section (file offset 0x2000, address
# 0x40081000), and stray-read.uart.txt is what it prints under the command line `warden
# run-image --board qemu-arm64-virt` stands for (../whole-program/README.md).
# Usage: record.sh [--check]
#   --check  rebuilds the ELF and re-runs QEMU into a temporary folder and compares both with
#            the committed files instead of overwriting them (QemuVirtFixturesOracleTest)
# Needs python3 and qemu-system-aarch64 (Debian: qemu-system-arm).
set -eu

check=false
if [ "${1:-}" = --check ]; then
	check=true
	shift
fi
here=$(cd "$(dirname "$0")" && pwd)
probe=$here/../../inmates/build/qemu-arm64-virt-standalone/mmio-probe.elf
qemu=${QEMU:-qemu-system-aarch64}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
out=$here
$check && out=$work

python3 - "$probe" "$here/accesses.txt" "$out/stray-read.elf" <<'PY'
import struct, sys
probe, accesses, target = sys.argv[1:4]
widths = {"8": 1, "16": 2, "32": 4, "64": 8}
entries = b""
for number, line in enumerate(open(accesses), 1):
    words = line.split("#")[0].split()
    if not words:
        continue
    op = words[0]
    kind, bits = ("write", op[5:]) if op.startswith("write") else ("read", op[4:])
    if bits not in widths or (kind == "write") != (len(words) == 3) or len(words) not in (2, 3):
        sys.exit("%s:%d: expected 'readN ADDR' or 'writeN ADDR VALUE', found %r" % (accesses, number, line.strip()))
    value = int(words[2], 0) if kind == "write" else 0
    entries += struct.pack("<IIQQ", widths[bits] | (0x10 if kind == "write" else 0), 0, int(words[1], 0), value)
block = struct.pack("<II", 0x31425250, len(entries) // 24) + entries
elf = bytearray(open(probe, "rb").read())
params = 0x2000
assert elf[params:params + 0x1000].count(0) < 0x1000, "mmio-probe.elf has no parameter block at 0x2000"
elf[params:params + 0x1000] = block.ljust(0x1000, b"\0")
open(target, "wb").write(elf)
PY

timeout 120 "$qemu" -M virt,gic-version=3 -cpu cortex-a53 -nographic -m 128 -icount shift=0,sleep=off \
	-kernel "$out/stray-read.elf" < /dev/null > "$out/stray-read.uart.txt" 2> "$work/qemu.err" || {
	cat "$work/qemu.err" >&2; exit 1; }

if $check; then
	failed=0
	for f in stray-read.elf stray-read.uart.txt; do
		if ! cmp -s "$here/$f" "$work/$f"; then
			echo "DIFFERS: $f" >&2
			[ "$f" = stray-read.uart.txt ] && diff "$here/$f" "$work/$f" | head -n 10 >&2
			failed=1
		fi
	done
	[ "$failed" = 0 ] && echo "record.sh --check: QEMU's stray reads match the goldens"
	exit "$failed"
fi
"$qemu" --version | head -n 1 > "$here/qemu-version.txt"
echo "recorded stray-read.elf and stray-read.uart.txt"
