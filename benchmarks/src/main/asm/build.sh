#!/bin/sh
# Builds the benchmark programs (bare-metal, loaded at 0x40080000 like QEMU virt's -kernel)
# into src/main/resources/dev/warden/benchmarks/. Needs binutils-aarch64-linux-gnu.
set -eu
cd "$(dirname "$0")"
out=../resources/dev/warden/benchmarks
for program in int-loop crc-loop copy-loop mmio-loop; do
	aarch64-linux-gnu-as -o "/tmp/$program.o" "$program.S"
	aarch64-linux-gnu-ld -N -Ttext=0x40080000 -e _start --build-id=none -o "$out/$program.elf" "/tmp/$program.o"
	aarch64-linux-gnu-strip --strip-all "$out/$program.elf"
	rm -f "/tmp/$program.o"
done
ls -l "$out"
