#!/usr/bin/env python3
"""Seeded generator of instruction vectors for Warden's AArch64 core.

Each line is "WORD X0 X1 X2 X3 NZCV" (hex): one data-processing instruction whose operands are
x0..x3 (or the zero register), the register values before it, and the flags before it. Field
values are drawn at random, including reserved combinations, so the expected output also pins
down which encodings are undefined. Operands mix edge values with random ones.

Usage: generate_vectors.py [--seed N] [--per-class N] > vectors.txt
"""
import argparse
import random

EDGES = [0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff,
         0x100000000, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0xfffffffffffffffe,
         0x00000000ffffffff, 0xffffffff00000000, 0x0123456789abcdef, 0xfedcba9876543210]


def operand(rng):
    choice = rng.random()
    if choice < 0.35:
        return rng.choice(EDGES)
    if choice < 0.5:
        return rng.getrandbits(32)
    if choice < 0.6:
        return (rng.getrandbits(16) - 0x8000) & 0xffffffffffffffff
    return rng.getrandbits(64)


def reg(rng, zero_allowed=True):
    """x0..x3, or 31 (the zero register) now and then where 31 means XZR."""
    if zero_allowed and rng.random() < 0.08:
        return 31
    return rng.randrange(4)


def sf(rng):
    return rng.randrange(2)


# Each encoder returns one instruction word with random fields.

def add_sub_imm(rng):
    s = rng.randrange(2)
    rd = reg(rng, zero_allowed=bool(s))
    return (sf(rng) << 31 | rng.randrange(2) << 30 | s << 29 | 0b100010 << 23 | rng.randrange(2) << 22
            | rng.getrandbits(12) << 10 | reg(rng, False) << 5 | rd)


def logical_imm(rng):
    opc = rng.randrange(4)
    rd = reg(rng, zero_allowed=opc == 3)
    return (sf(rng) << 31 | opc << 29 | 0b100100 << 23 | rng.randrange(2) << 22 | rng.getrandbits(6) << 16
            | rng.getrandbits(6) << 10 | reg(rng) << 5 | rd)


def move_wide(rng):
    opc = rng.choice([0, 2, 3, 3, 1])
    return sf(rng) << 31 | opc << 29 | 0b100101 << 23 | rng.randrange(4) << 21 | rng.getrandbits(16) << 5 | reg(rng)


def bitfield(rng):
    s = sf(rng)
    n = s if rng.random() < 0.95 else 1 - s
    width = 64 if s else 32
    immr = rng.randrange(width) if rng.random() < 0.95 else rng.getrandbits(6)
    imms = rng.randrange(width) if rng.random() < 0.95 else rng.getrandbits(6)
    opc = rng.choice([0, 1, 2, 0, 1, 2, 3])
    return s << 31 | opc << 29 | 0b100110 << 23 | n << 22 | immr << 16 | imms << 10 | reg(rng) << 5 | reg(rng)


def extract(rng):
    s = sf(rng)
    imms = rng.randrange(64 if s else 32) if rng.random() < 0.95 else rng.getrandbits(6)
    return s << 31 | 0b00100111 << 23 | s << 22 | reg(rng) << 16 | imms << 10 | reg(rng) << 5 | reg(rng)


def logical_shifted(rng):
    s = sf(rng)
    imm6 = rng.randrange(64 if s else 32) if rng.random() < 0.95 else rng.getrandbits(6)
    return (s << 31 | rng.randrange(4) << 29 | 0b01010 << 24 | rng.randrange(4) << 22 | rng.randrange(2) << 21
            | reg(rng) << 16 | imm6 << 10 | reg(rng) << 5 | reg(rng))


def add_sub_shifted(rng):
    s = sf(rng)
    imm6 = rng.randrange(64 if s else 32) if rng.random() < 0.95 else rng.getrandbits(6)
    shift = rng.randrange(3) if rng.random() < 0.95 else 3
    return (s << 31 | rng.randrange(2) << 30 | rng.randrange(2) << 29 | 0b01011 << 24 | shift << 22
            | reg(rng) << 16 | imm6 << 10 | reg(rng) << 5 | reg(rng))


def add_sub_extended(rng):
    setflags = rng.randrange(2)
    imm3 = rng.randrange(5) if rng.random() < 0.95 else rng.randrange(8)
    return (sf(rng) << 31 | rng.randrange(2) << 30 | setflags << 29 | 0b01011001 << 21 | reg(rng) << 16
            | rng.randrange(8) << 13 | imm3 << 10 | reg(rng, False) << 5 | reg(rng, zero_allowed=bool(setflags)))


def add_sub_carry(rng):
    return (sf(rng) << 31 | rng.randrange(2) << 30 | rng.randrange(2) << 29 | 0b11010000 << 21 | reg(rng) << 16
            | reg(rng) << 5 | reg(rng))


def conditional_compare(rng):
    immediate = rng.randrange(2)
    field = rng.getrandbits(5) if immediate else reg(rng)
    return (sf(rng) << 31 | rng.randrange(2) << 30 | 1 << 29 | 0b11010010 << 21 | field << 16
            | rng.randrange(16) << 12 | immediate << 11 | reg(rng) << 5 | rng.randrange(16))


def conditional_select(rng):
    return (sf(rng) << 31 | rng.randrange(2) << 30 | 0b11010100 << 21 | reg(rng) << 16 | rng.randrange(16) << 12
            | rng.randrange(2) << 10 | reg(rng) << 5 | reg(rng))


def one_source(rng):
    opcode = rng.randrange(6) if rng.random() < 0.97 else rng.randrange(6, 8)
    return sf(rng) << 31 | 1 << 30 | 0b11010110 << 21 | opcode << 10 | reg(rng) << 5 | reg(rng)


def two_source(rng):
    opcode = rng.choice([2, 3, 8, 9, 10, 11, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23])
    s = sf(rng)
    if opcode >= 16 and rng.random() < 0.9:
        s = 1 if opcode & 3 == 3 else 0
    return s << 31 | 0b11010110 << 21 | reg(rng) << 16 | opcode << 10 | reg(rng) << 5 | reg(rng)


def three_source(rng):
    op31, o0 = rng.choice([(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (5, 0), (5, 1), (6, 0)])
    s = sf(rng) if op31 == 0 or rng.random() < 0.05 else 1
    ra = 31 if op31 in (2, 6) else reg(rng)
    return s << 31 | 0b11011 << 24 | op31 << 21 | reg(rng) << 16 | o0 << 15 | ra << 10 | reg(rng) << 5 | reg(rng)


CLASSES = [add_sub_imm, logical_imm, move_wide, bitfield, extract, logical_shifted, add_sub_shifted,
           add_sub_extended, add_sub_carry, conditional_compare, conditional_select, one_source,
           two_source, three_source]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--per-class", type=int, default=1000)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"# generate_vectors.py --seed {args.seed} --per-class {args.per_class}")
    print("# WORD X0 X1 X2 X3 NZCV")
    for encoder in CLASSES:
        print(f"# {encoder.__name__}")
        for _ in range(args.per_class):
            word = encoder(rng)
            values = [operand(rng) for _ in range(4)]
            print(f"{word:08x} {values[0]:x} {values[1]:x} {values[2]:x} {values[3]:x} {rng.randrange(16):x}")


if __name__ == "__main__":
    main()
