#!/bin/sh
# Runs the cell builds under cellsim (QEMU virt at EL2, see entry.S) and
# compares each console transcript with expected/<case>.txt.
# Usage: run-tests.sh CELLSIM_ELF BUILD_DIR [--record]
#   BUILD_DIR holds <board>/<inmate>.bin; --record rewrites expected/ instead
set -eu

cellsim=$1
builds=$2
record=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
mkparams="python3 $here/../tools/mkparams.py"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
failed=0

byte() {
	printf "\\$(printf %03o "$1")"
}

# comm_page FILE REVISION FLAGS BOARD_ID: "JHCOMM", revision, cell_state 0,
# flags at offset 20, and cellsim's board id at offset 0x800.
comm_page() {
	{
		printf 'JHCOMM'
		byte "$2"; byte 0
		head -c 12 /dev/zero
		byte "$3"; head -c 3 /dev/zero
		head -c $((0x800 - 24)) /dev/zero
		byte "$4"; head -c 3 /dev/zero
		head -c $((0x1000 - 0x804)) /dev/zero
	} > "$1"
}

# run_case NAME BOARD INMATE REVISION FLAGS LINES [probe|psci|cmdline mkparams-arguments...]
run_case() {
	name=$1 board=$2 inmate=$3 revision=$4 flags=$5 lines=$6
	shift 6
	case $board in
	qemu-arm64-virt) board_id=0 ;;
	k3-am654-idk) board_id=1 ;;
	k3-j721e-evm) board_id=2 ;;
	esac
	cp "$builds/$board/$inmate.bin" "$work/$name.bin"
	if [ $# -gt 0 ]; then
		kind=$1
		shift
		$mkparams "$kind" "$work/params.bin" "$@"
		dd if="$work/params.bin" of="$work/$name.bin" bs=4096 seek=1 conv=notrunc 2>/dev/null
	fi
	comm_page "$work/comm.bin" "$revision" "$flags" "$board_id"
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

run_case uart-demo qemu-arm64-virt uart-demo 2 0 6
run_case uart-demo-debug-console qemu-arm64-virt uart-demo 2 3 5
run_case uart-demo-comm-revision-1 qemu-arm64-virt uart-demo 1 0 5
run_case gic-demo qemu-arm64-virt gic-demo 2 0 8
run_case ivshmem-demo-no-device qemu-arm64-virt ivshmem-demo 2 0 20
run_case mmio-probe-no-parameters qemu-arm64-virt mmio-probe 2 0 20
run_case mmio-probe-parked qemu-arm64-virt mmio-probe 2 0 40 probe \
	read32 0x09000fe0 read32 0x08000004 write8 0x00008000 0x5a read8 0x00008000 \
	read32 0x40000000 read32 0x09000ff0
run_case psci-cpu-on qemu-arm64-virt psci-cpu-on 2 0 20 psci 0x0 0x1 0x100
run_case am654-uart-demo k3-am654-idk uart-demo 2 0 5
run_case am654-gic-demo k3-am654-idk gic-demo 2 0 6
run_case am654-mmio-probe-parked k3-am654-idk mmio-probe 2 0 40 probe \
	read32 0x40a00014 read32 0x01800004 write32 0x02800000 0x41
run_case j721e-uart-demo k3-j721e-evm uart-demo 2 0 5
run_case j721e-gic-demo k3-j721e-evm gic-demo 2 0 6
run_case j721e-psci-cpu-on k3-j721e-evm psci-cpu-on 2 3 20 psci 0x1

# park-demo: one 32-bit access (ldr w1, [x19] / str w1, [x19]) outside the cell.
run_case park-demo qemu-arm64-virt park-demo 2 0 30
run_case park-demo-uart-page qemu-arm64-virt park-demo 2 0 30 cmdline "addr=0x9010000"
run_case park-demo-write qemu-arm64-virt park-demo 2 0 30 cmdline "write=1 addr=0x09010000 value=90"
run_case park-demo-own-ram qemu-arm64-virt park-demo 2 0 30 cmdline "addr=0xf000"
run_case park-demo-not-a-number qemu-arm64-virt park-demo 2 0 30 cmdline "addr=0x9010000 addr=0x4000000g"
run_case park-demo-binary-block qemu-arm64-virt park-demo 2 0 30 probe read32 0x9010000
run_case am654-park-demo k3-am654-idk park-demo 2 0 30
run_case j721e-park-demo k3-j721e-evm park-demo 2 0 30 cmdline "addr=0x02800000 write=1"

# hc-demo: the hypercalls and SMCs of a non-root cell, then the final call.
run_case hc-demo qemu-arm64-virt hc-demo 2 0 50
run_case hc-demo-final-hvc qemu-arm64-virt hc-demo 2 0 50 cmdline "final=hvc"
run_case hc-demo-final-smc-arch qemu-arm64-virt hc-demo 2 0 50 cmdline "final=smc-arch"
run_case hc-demo-final-smc-oem qemu-arm64-virt hc-demo 2 0 50 cmdline "final=smc-oem"
run_case hc-demo-final-unknown qemu-arm64-virt hc-demo 2 0 50 cmdline "final=reboot"
run_case hc-demo-debug-console qemu-arm64-virt hc-demo 2 3 80
run_case am654-hc-demo k3-am654-idk hc-demo 2 0 50 cmdline "final=smc-oem"
run_case j721e-hc-demo k3-j721e-evm hc-demo 2 0 50 cmdline "final=hvc"

if [ "$record" = --record ]; then
	echo "recorded into $here/expected"
fi
exit "$failed"
