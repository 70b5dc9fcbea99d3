#!/bin/sh
# Records the whole-program goldens: each standalone QEMU virt inmate is run
# under qemu-system-aarch64 with deterministic time, and its UART output and
# its per-instruction register trace (converted by qemu_trace_convert.py) are
# written next to this script:
#   <inmate>.uart.txt      the bytes the inmate wrote to the PL011 (CR LF endings)
#   <inmate>.trace.txt.gz  the trace, format in README.md
#   qemu-version.txt       which QEMU and which command line produced them
# Usage: record.sh [--check] [inmate ...]   (default: all of them)
#   --check  re-runs QEMU live and compares with the committed goldens instead
#            of overwriting them (the oracle profile / .ci/run use this)
set -eu

check=false
if [ "${1:-}" = --check ]; then
	check=true
	shift
fi

here=$(cd "$(dirname "$0")" && pwd)
images=$here/../../inmates/build/qemu-arm64-virt-standalone
max_instructions=${MAX_INSTRUCTIONS:-1000000}
qemu=${QEMU:-qemu-system-aarch64}
inmates=${*:-uart-demo gic-demo mmio-probe psci-cpu-on ivshmem-demo park-demo}

# QEMU 8.1 renamed -singlestep; use whichever this QEMU has.
if "$qemu" -help | grep -q -- '-one-insn-per-tb'; then
	one_insn=-one-insn-per-tb
else
	one_insn=-singlestep
fi
# sleep=off: while the CPU waits in WFI, virtual time jumps to the next timer
# deadline instead of following the host clock, so timer interrupts arrive at
# the same instruction count in every run.
base="-M virt,gic-version=3 -cpu cortex-a53 -nographic -m 128 -icount shift=0,sleep=off"

failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

for inmate in $inmates; do
	elf=$images/$inmate.elf
	[ -f "$elf" ] || { echo "record.sh: $elf missing (run make in firmware-fixtures/inmates)" >&2; exit 1; }
	if $check; then echo "checking $inmate"; else echo "recording $inmate"; fi

	# Plain run: the UART output of the whole program.
	timeout 120 "$qemu" $base -kernel "$elf" < /dev/null > "$work/$inmate.uart" 2> "$work/$inmate.err"

	# Traced run: the log goes through a FIFO into the converter.
	mkfifo "$work/$inmate.fifo"
	python3 "$here/qemu_trace_convert.py" --max "$max_instructions" \
		--source "qemu-system-aarch64 $base -kernel $inmate.elf $one_insn -d cpu,nochain" \
		< "$work/$inmate.fifo" > "$work/$inmate.trace" &
	converter=$!
	timeout 600 "$qemu" $base -kernel "$elf" $one_insn -d cpu,nochain -D "$work/$inmate.fifo" \
		< /dev/null > "$work/$inmate.traced-uart" 2>> "$work/$inmate.err"
	wait "$converter"

	# Tracing must not change what the program does.
	cmp -s "$work/$inmate.uart" "$work/$inmate.traced-uart" || {
		echo "record.sh: $inmate printed differently with tracing on" >&2; exit 1; }

	if $check; then
		if ! cmp -s "$work/$inmate.uart" "$here/$inmate.uart.txt"; then
			echo "DIFFERS: $inmate.uart.txt" >&2
			diff "$here/$inmate.uart.txt" "$work/$inmate.uart" | head -n 10 >&2 || true
			failed=1
		fi
		gzip -dc "$here/$inmate.trace.txt.gz" | grep -v '^# source:' > "$work/$inmate.golden"
		grep -v '^# source:' "$work/$inmate.trace" > "$work/$inmate.live"
		if ! cmp -s "$work/$inmate.golden" "$work/$inmate.live"; then
			echo "DIFFERS: $inmate.trace.txt.gz, first difference:" >&2
			diff "$work/$inmate.golden" "$work/$inmate.live" | head -n 6 >&2 || true
			failed=1
		fi
	else
		cp "$work/$inmate.uart" "$here/$inmate.uart.txt"
		gzip -9 -n -c "$work/$inmate.trace" > "$here/$inmate.trace.txt.gz"
	fi
	tail -n 1 "$work/$inmate.trace"
done

if $check; then
	[ "$failed" = 0 ] && echo "record.sh --check: live QEMU runs match the goldens"
	exit "$failed"
fi

{
	"$qemu" --version | head -n 1
	echo "command: qemu-system-aarch64 $base -kernel <inmate>.elf [$one_insn -d cpu,nochain -D <log>]"
	echo "trace limit: $max_instructions instructions"
} > "$here/qemu-version.txt"
