#!/bin/sh
# Runs the qemu-arm64-virt cell builds under cellsim (QEMU virt at EL2, see
# entry.S) and compares each console transcript with expected/<case>.txt.
# Usage: run-tests.sh CELLSIM_ELF CELL_BUILD_DIR [--record]
#   --record  rewrites expected/ from this run instead of comparing
set -eu

cellsim=$1
builds=$2
record=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
mkparams="python3 $here/../tools/mkparams.py"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
failed=0

# comm region page: "JHCOMM", revision, cell_state 0, flags (offset 20)
comm_page() {
	printf 'JHCOMM' > "$1"
	printf "\\$(printf %03o "$2")\\000" >> "$1"
	head -c 12 /dev/zero >> "$1"
	printf "\\$(printf %03o "$3")\\000\\000\\000" >> "$1"
	head -c 4072 /dev/zero >> "$1"
}

# run_case NAME INMATE REVISION FLAGS LINES [mkparams arguments...]
run_case() {
	name=$1 inmate=$2 revision=$3 flags=$4 lines=$5
	shift 5
	cp "$builds/$inmate.bin" "$work/$name.bin"
	if [ $# -gt 0 ]; then
		kind=$1
		shift
		$mkparams "$kind" "$work/params.bin" "$@"
		dd if="$work/params.bin" of="$work/$name.bin" bs=4096 seek=1 conv=notrunc 2>/dev/null
	fi
	comm_page "$work/comm.bin" "$revision" "$flags"
	timeout 10 qemu-system-aarch64 -M virt,gic-version=3,virtualization=on -cpu cortex-a53 \
		-nographic -m 128 -icount shift=0,sleep=off -kernel "$cellsim" \
		-device loader,file="$work/$name.bin",addr=0x40200000,force-raw=on \
		-device loader,file="$work/comm.bin",addr=0x40400000,force-raw=on \
		< /dev/null 2> /dev/null | head -n "$lines" > "$work/$name.out" || true
	if [ "$record" = --record ]; then
		cp "$work/$name.out" "$here/expected/$name.txt"
	elif cmp -s "$work/$name.out" "$here/expected/$name.txt"; then
		echo "ok    $name"
	else
		echo "FAIL  $name"
		diff "$here/expected/$name.txt" "$work/$name.out" | head -n 10 || true
		failed=1
	fi
}

run_case uart-demo uart-demo 2 0 6
run_case uart-demo-debug-console uart-demo 2 3 5
run_case uart-demo-comm-revision-1 uart-demo 1 0 5
run_case gic-demo gic-demo 2 0 8
run_case ivshmem-demo-no-device ivshmem-demo 2 0 20
run_case mmio-probe-no-parameters mmio-probe 2 0 20
run_case mmio-probe-parked mmio-probe 2 0 40 probe \
	read32 0x09000fe0 read32 0x08000004 write8 0x00008000 0x5a read8 0x00008000 \
	read32 0x40000000 read32 0x09000ff0
run_case psci-cpu-on psci-cpu-on 2 0 20 psci 0x0 0x1 0x100

[ "$record" = --record ] && echo "recorded into $here/expected"
exit "$failed"
