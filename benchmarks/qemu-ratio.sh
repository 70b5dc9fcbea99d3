#!/bin/sh
# Times the benchmark programs on Warden's core and on qemu-system-aarch64 (TCG, the same
# images, the same machine shape) in the same run, and prints the MIPS of each and the ratio.
# QEMU's start-up cost is measured with a one-iteration copy of each image and subtracted.
# Needs: a packaged benchmarks.jar (mvn -pl benchmarks -am package -DskipTests), python3,
# qemu-system-arm. Usage: benchmarks/qemu-ratio.sh [program ...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jar=$here/target/benchmarks.jar
images=$here/src/main/resources/dev/warden/benchmarks
programs=${*:-int-loop crc-loop copy-loop mmio-loop}
qemu="qemu-system-aarch64 -M virt,gic-version=3 -cpu cortex-a53 -nographic -m 128"
[ -f "$jar" ] || { echo "qemu-ratio.sh: $jar missing; run: mvn -pl benchmarks -am package -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# Copies an image with its iteration count (offset 8 of the first PT_LOAD segment) set to $3.
with_count() {
	python3 - "$1" "$2" "$3" <<'PY'
import struct, sys
src, dst, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = bytearray(open(src, "rb").read())
phoff, = struct.unpack_from("<Q", data, 32)
phentsize, phnum = struct.unpack_from("<HH", data, 54)
for i in range(phnum):
    ptype, = struct.unpack_from("<I", data, phoff + i * phentsize)
    if ptype == 1:
        offset, = struct.unpack_from("<Q", data, phoff + i * phentsize + 8)
        struct.pack_into("<Q", data, offset + 8, count)
        break
open(dst, "wb").write(data)
PY
}

seconds() {
	start=$(date +%s.%N)
	timeout 300 $qemu -kernel "$1" < /dev/null > /dev/null
	end=$(date +%s.%N)
	python3 -c "print($end - $start)"
}

printf '%-10s %12s %10s %10s %8s\n' program instructions warden-MIPS qemu-MIPS qemu/warden
for program in $programs; do
	line=$(java -cp "$jar" dev.warden.benchmarks.WholeRun "$program")
	instructions=$(echo "$line" | cut -d' ' -f2)
	warden_mips=$(echo "$line" | cut -d' ' -f4)
	with_count "$images/$program.elf" "$work/short.elf" 1
	startup=$(seconds "$work/short.elf")
	full=$(seconds "$images/$program.elf")
	python3 - "$program" "$instructions" "$warden_mips" "$full" "$startup" <<'PY'
import sys
program, instructions, warden, full, startup = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
run = max(full - startup, 1e-3)
qemu = instructions / run / 1e6
print("%-10s %12d %10.1f %10.1f %8.1fx" % (program, instructions, warden, qemu, qemu / warden))
PY
done
