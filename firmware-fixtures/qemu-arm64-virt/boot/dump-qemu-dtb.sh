#!/bin/sh
# Dumps the device tree QEMU's virt machine generates for the reference rig's command line
# (shared/reference-rig/README.md) into dtb/qemu-arm64-virt.dtb, the board's base tree:
#
#   qemu-system-aarch64 -machine virt,gic-version=3,virtualization=on,its=off -cpu cortex-a57
#     -smp 16 -m 1G -accel tcg,thread=single -nic none -display none -monitor none -serial stdio
#     -kernel Image -append "console=ttyAMA0 mem=768M"
#
# with two differences, both documented in README.md:
#   dtb-randomness=off  the rig's tree also had /chosen/rng-seed and /chosen/kaslr-seed, fresh
#                       random values on every run (the kernel consumes them); without them the
#                       dump is the same bytes every time
#   no -initrd          the rig's -initrd added /chosen/linux,initrd-start = <0x48000000> and
#                       linux,initrd-end (start + the cpio's size); Warden's board boots without
#                       an initrd
# -append is only accepted together with -kernel. The kernel's contents do not change the tree
# (any file gives the same bytes), so a 64-byte arm64 Image header stands in for the rig's Image.
#
# Usage: dump-qemu-dtb.sh [--check] [OUTPUT]
#   default OUTPUT: dtb/qemu-arm64-virt.dtb next to this script
#   --check  dumps into a temporary file and compares it with the committed tree byte for byte
#            (the oracle test QemuDtbOracleTest runs this)
# Needs qemu-system-aarch64 (Debian: qemu-system-arm). Recorded with QEMU 7.2 (Debian 12).
set -eu

check=false
if [ "${1:-}" = --check ]; then
	check=true
	shift
fi
here=$(cd "$(dirname "$0")" && pwd)
committed=$here/dtb/qemu-arm64-virt.dtb
out=${1:-$committed}
qemu=${QEMU:-qemu-system-aarch64}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# An arm64 Image header: "ARM\x64" at offset 0x38, nothing else.
head -c 56 /dev/zero > "$work/Image"
printf 'ARMd' >> "$work/Image"
head -c 4 /dev/zero >> "$work/Image"

target=$out
$check && target=$work/dumped.dtb
"$qemu" -machine virt,gic-version=3,virtualization=on,its=off,dtb-randomness=off,dumpdtb="$target" \
	-cpu cortex-a57 -smp 16 -m 1G -accel tcg,thread=single -nic none -display none -monitor none \
	-serial stdio -kernel "$work/Image" -append "console=ttyAMA0 mem=768M" \
	< /dev/null > "$work/qemu.out" 2>&1 || { cat "$work/qemu.out" >&2; exit 1; }
[ -s "$target" ] || { cat "$work/qemu.out" >&2; echo "dump-qemu-dtb.sh: QEMU wrote no tree" >&2; exit 1; }

if $check; then
	if cmp "$committed" "$target"; then
		echo "dump-qemu-dtb.sh --check: QEMU's tree matches $committed"
	else
		echo "DIFFERS: $committed is not the tree $("$qemu" --version | head -n 1) dumps" >&2
		exit 1
	fi
else
	echo "dump-qemu-dtb.sh: wrote $out ($("$qemu" --version | head -n 1))"
fi
