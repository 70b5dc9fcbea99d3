#!/bin/sh
# Regenerates the instruction vectors and QEMU's answers to them.
# QEMU runs the harness as a Cortex-A53, the core Warden models.
# Needs: python3, gcc-aarch64-linux-gnu, libc6-dev-arm64-cross, qemu-user (Debian 12: gcc 12.2, QEMU 7.2).
set -eu
cd "$(dirname "$0")"
python3 generate_vectors.py --seed 20261127 --per-class 1000 > vectors.txt
aarch64-linux-gnu-gcc -O1 -static -o harness harness.c
qemu-aarch64 -cpu cortex-a53 ./harness < vectors.txt > expected.txt
python3 generate_simd_vectors.py --seed 20261205 --per-class 500 > simd-vectors.txt
aarch64-linux-gnu-gcc -O1 -static -o simd-harness simd-harness.c
qemu-aarch64 -cpu cortex-a53 ./simd-harness < simd-vectors.txt > simd-expected.txt
rm -f harness simd-harness
echo "$(grep -vc '^#' vectors.txt) vectors, $(grep -c UNDEF expected.txt) undefined"
echo "$(grep -vc '^#' simd-vectors.txt) FP/SIMD vectors, $(grep -c UNDEF simd-expected.txt) undefined"
