#!/usr/bin/env python3
"""Seeded generator of FP/SIMD instruction vectors for Warden's AArch64 core.

Each line is "WORD X0 X1 V0 V1 V2 V3 NZCV FPCR" (hex, a V register as 32 digits, high half
first): one FP/SIMD data-processing instruction whose operands are v0..v3 and x0, x1 (or the
zero register), the values before it, the flags and FPCR (0, or now and then default-NaN mode).
Fields are drawn at random within each class, reserved combinations included, so the expected
output also pins down which encodings are undefined. Lanes mix edge values (zero, all ones,
sign bits, floating-point zeros, infinities, quiet and signalling NaNs, subnormals, small
integers) with random ones.

Usage: generate_simd_vectors.py [--seed N] [--per-class N] > simd-vectors.txt
"""
import argparse
import random
import struct

F32 = [0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fa00001,
       0xffc12345, 0x00000001, 0x807fffff, 0x00800000, 0x7f7fffff, 0x40490fdb, 0x4f000000, 0xcf000000,
       0x5f000000, 0x3f000000, 0x3fc00000, 0x40200000]
F64 = [0x0000000000000000, 0x8000000000000000, 0x3ff0000000000000, 0xbff0000000000000, 0x7ff0000000000000,
       0xfff0000000000000, 0x7ff8000000000000, 0x7ff4000000000001, 0xfff8000000012345, 0x0000000000000001,
       0x800fffffffffffff, 0x0010000000000000, 0x7fefffffffffffff, 0x400921fb54442d18, 0x43e0000000000000,
       0xc3e0000000000000, 0x41e0000000000000, 0x3fe0000000000000, 0x3ff8000000000000, 0x4004000000000000,
       0x43f0000000000000, 0x4330000000000001]
INT = [0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff,
       0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0x0123456789abcdef, 0xfedcba9876543210]


def lane64(rng):
    c = rng.random()
    if c < 0.15:
        return rng.choice(F64)
    if c < 0.3:
        return rng.choice(F32) << 32 | rng.choice(F32)
    if c < 0.45:
        return rng.choice(INT)
    if c < 0.55:
        b = rng.choice([0, 1, 0x7f, 0x80, 0xff, 0x55])
        return int.from_bytes(bytes(rng.choice([b, rng.getrandbits(8)]) for _ in range(8)), 'little')
    if c < 0.65:
        return struct.unpack('<Q', struct.pack('<d', rng.choice([0.5, 1.5, -2.5, 3.0, 1e10, -7.25, 123456.789, 2.0 ** 63])))[0]
    if c < 0.75:
        f = struct.unpack('<I', struct.pack('<f', rng.choice([0.5, 1.5, -2.5, 3.0, 1e10, -7.25, 2.0 ** 31])))[0]
        return rng.getrandbits(32) << 32 | f
    return rng.getrandbits(64)


def vreg128(rng):
    return lane64(rng) << 64 | lane64(rng)


def xval(rng):
    return rng.choice(INT) if rng.random() < 0.4 else rng.getrandbits(64)


def v(rng):
    return rng.randrange(4)


def xr(rng):
    return 31 if rng.random() < 0.08 else rng.randrange(2)


# ---- encoders: one instruction word each, random fields of the class

def simd_copy(rng):
    q, op = rng.randrange(2), rng.choice([0, 0, 0, 1])
    imm5 = rng.choice([1, 2, 4, 8, 16, 0]) | (rng.getrandbits(4) << 1)
    imm5 &= 31
    imm4 = rng.choice([0, 1, 3, 5, 7, 2, 15]) if op == 0 else rng.getrandbits(4)
    rn = xr(rng) if op == 0 and imm4 in (1, 3) else v(rng)
    rd = xr(rng) if op == 0 and imm4 in (5, 7) else v(rng)
    return q << 30 | op << 29 | 0b01110000 << 21 | imm5 << 16 | imm4 << 11 | 1 << 10 | rn << 5 | rd


def simd_modimm(rng):
    q, op = rng.randrange(2), rng.randrange(2)
    cmode = rng.getrandbits(4)
    imm8 = rng.getrandbits(8)
    o2 = 1 if rng.random() < 0.05 else 0
    return (q << 30 | op << 29 | 0b0111100000 << 19 | (imm8 >> 5) << 16 | cmode << 12 | o2 << 11 | 1 << 10
            | (imm8 & 31) << 5 | v(rng))


def simd_three_same(rng):
    q, u, size = rng.randrange(2), rng.randrange(2), rng.randrange(4)
    opcode = rng.choice([0, 1, 2, 3, 3, 3, 4, 5, 6, 7, 8, 12, 13, 14, 15, 16, 16, 17, 17, 18, 19, 20, 21, 23])
    return q << 30 | u << 29 | 0b01110 << 24 | size << 22 | 1 << 21 | v(rng) << 16 | opcode << 11 | 1 << 10 | v(rng) << 5 | v(rng)


def simd_three_different(rng):
    q, u, size = rng.randrange(2), rng.randrange(2), rng.choice([0, 1, 2, 3, 0, 1, 2])
    opcode = rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12])
    return q << 30 | u << 29 | 0b01110 << 24 | size << 22 | 1 << 21 | v(rng) << 16 | opcode << 12 | v(rng) << 5 | v(rng)


def simd_two_misc(rng):
    q, u, size = rng.randrange(2), rng.randrange(2), rng.randrange(4)
    opcode = rng.choice([0, 1, 2, 4, 5, 6, 8, 9, 10, 11, 18])
    return q << 30 | u << 29 | 0b01110 << 24 | size << 22 | 0b10000 << 17 | opcode << 12 | 0b10 << 10 | v(rng) << 5 | v(rng)


def simd_across(rng):
    q, u, size = rng.randrange(2), rng.randrange(2), rng.randrange(4)
    opcode = rng.choice([3, 10, 26, 27])
    return q << 30 | u << 29 | 0b01110 << 24 | size << 22 | 0b11000 << 17 | opcode << 12 | 0b10 << 10 | v(rng) << 5 | v(rng)


def simd_shift_imm(rng):
    q, u = rng.randrange(2), rng.randrange(2)
    immh = rng.choice([1, 2, 3, 4, 5, 7, 8, 12, 15])
    opcode = rng.choice([0, 2, 4, 6, 8, 10, 16, 17, 20])
    return q << 30 | u << 29 | 0b011110 << 23 | immh << 19 | rng.getrandbits(3) << 16 | opcode << 11 | 1 << 10 | v(rng) << 5 | v(rng)


def simd_permute(rng):
    q, size = rng.randrange(2), rng.randrange(4)
    kind = rng.random()
    if kind < 0.6:
        opcode = rng.choice([1, 2, 3, 5, 6, 7, 0, 4])
        return q << 30 | 0b001110 << 24 | size << 22 | v(rng) << 16 | opcode << 12 | 0b10 << 10 | v(rng) << 5 | v(rng)
    if kind < 0.8:
        return q << 30 | 0b101110 << 24 | v(rng) << 16 | rng.getrandbits(4) << 11 | v(rng) << 5 | v(rng)
    # TBL/TBX: the table stays within v0..v3, whose values the harness sets
    length = rng.randrange(4)
    return q << 30 | 0b001110 << 24 | v(rng) << 16 | length << 13 | rng.randrange(2) << 12 | rng.randrange(4 - length) << 5 | v(rng)


def simd_scalar(rng):
    kind = rng.random()
    d, n, m = v(rng), v(rng), v(rng)
    if kind < 0.25:  # DUP (element), scalar
        imm5 = (rng.choice([1, 2, 4, 8]) | rng.getrandbits(4) << 1) & 31
        return 0b01011110000 << 21 | imm5 << 16 | 1 << 10 | n << 5 | d
    if kind < 0.5:  # three same, 64-bit
        u, opcode = rng.randrange(2), rng.choice([6, 7, 8, 16, 17])
        return 0b01 << 30 | u << 29 | 0b11110 << 24 | 3 << 22 | 1 << 21 | m << 16 | opcode << 11 | 1 << 10 | n << 5 | d
    if kind < 0.6:  # ADDP Dd, Vn.2D
        return 0b01011110 << 24 | 3 << 22 | 0b11000 << 17 | 0b11011 << 12 | 0b10 << 10 | n << 5 | d
    if kind < 0.8:  # two-register misc, 64-bit
        u, opcode = rng.randrange(2), rng.choice([8, 9, 10, 11])
        return 0b01 << 30 | u << 29 | 0b11110 << 24 | 3 << 22 | 0b10000 << 17 | opcode << 12 | 0b10 << 10 | n << 5 | d
    u = rng.randrange(2)  # shift by immediate, 64-bit
    opcode = rng.choice([0, 2, 4, 6, 8, 10])
    return 0b01 << 30 | u << 29 | 0b111110 << 23 | (8 | rng.getrandbits(3)) << 19 | rng.getrandbits(3) << 16 | opcode << 11 | 1 << 10 | n << 5 | d


def fp_type(rng):
    return rng.choice([0, 1, 0, 1, 3])


def fp_dp1(rng):
    opcode = rng.choice([0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 14, 15])
    return 0b00011110 << 24 | fp_type(rng) << 22 | 1 << 21 | opcode << 15 | 0b10000 << 10 | v(rng) << 5 | v(rng)


def fp_dp2(rng):
    opcode = rng.randrange(9)
    return 0b00011110 << 24 | fp_type(rng) << 22 | 1 << 21 | v(rng) << 16 | opcode << 12 | 0b10 << 10 | v(rng) << 5 | v(rng)


def fp_dp3(rng):
    return (0b00011111 << 24 | fp_type(rng) << 22 | rng.randrange(2) << 21 | v(rng) << 16 | rng.randrange(2) << 15
            | v(rng) << 10 | v(rng) << 5 | v(rng))


def fp_compare(rng):
    kind = rng.random()
    t = fp_type(rng)
    if kind < 0.5:  # FCMP/FCMPE, register or zero
        opc2 = rng.choice([0, 8, 16, 24])
        m = 0 if opc2 & 8 and rng.random() < 0.9 else v(rng)
        return 0b00011110 << 24 | t << 22 | 1 << 21 | m << 16 | 0b1000 << 10 | v(rng) << 5 | opc2
    if kind < 0.75:  # FCCMP/FCCMPE
        return (0b00011110 << 24 | t << 22 | 1 << 21 | v(rng) << 16 | rng.getrandbits(4) << 12 | 0b01 << 10 | v(rng) << 5
                | rng.randrange(2) << 4 | rng.getrandbits(4))
    return 0b00011110 << 24 | t << 22 | 1 << 21 | v(rng) << 16 | rng.getrandbits(4) << 12 | 0b11 << 10 | v(rng) << 5 | v(rng)


def fp_immediate(rng):
    return 0b00011110 << 24 | fp_type(rng) << 22 | 1 << 21 | rng.getrandbits(8) << 13 | 0b100 << 10 | v(rng)


def fp_integer(rng):
    sf = rng.randrange(2)
    t = rng.choice([0, 1, 0, 1, 2])
    kind = rng.random()
    if kind < 0.35:  # FMOV general <-> FP, including the upper half
        rmode, opcode = rng.choice([(0, 6), (0, 7), (1, 6), (1, 7)])
    elif kind < 0.6:  # SCVTF/UCVTF
        rmode, opcode = 0, rng.choice([2, 3])
    else:  # FCVT{N,P,M,Z}{S,U}, FCVTA{S,U}
        rmode, opcode = rng.randrange(4), rng.choice([0, 1, 0, 1, 4, 5])
    to_fp = opcode in (2, 3, 7)
    rn = xr(rng) if to_fp else v(rng)
    rd = v(rng) if to_fp else xr(rng)
    return sf << 31 | 0b0011110 << 24 | t << 22 | 1 << 21 | rmode << 19 | opcode << 16 | rn << 5 | rd


CLASSES = [simd_copy, simd_modimm, simd_three_same, simd_three_different, simd_two_misc, simd_across,
           simd_shift_imm, simd_permute, simd_scalar, fp_dp1, fp_dp2, fp_dp3, fp_compare, fp_immediate, fp_integer]


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--per-class', type=int, default=500)
    a = p.parse_args()
    rng = random.Random(a.seed)
    print(f'# generate_simd_vectors.py --seed {a.seed} --per-class {a.per_class}')
    print('# WORD X0 X1 V0 V1 V2 V3 NZCV FPCR')
    for cls in CLASSES:
        print(f'# {cls.__name__}')
        for _ in range(a.per_class):
            word = cls(rng)
            fpcr = 1 << 25 if rng.random() < 0.1 else 0
            regs = ' '.join(f'{vreg128(rng):032x}' for _ in range(4))
            print(f'{word:08x} {xval(rng):x} {xval(rng):x} {regs} {rng.getrandbits(4):x} {fpcr:x}')


if __name__ == '__main__':
    main()
