#!/usr/bin/env python3
"""Write a parameter block for mmio-probe or psci-cpu-on, or a text command
line for park-demo and hc-demo (format: ../README.md).

  mkparams.py probe OUT read32 0x02800000 write32 0x02800000 0x41 ...
  mkparams.py psci OUT 0x3 0x100 ...
  mkparams.py cmdline OUT "addr=0x9010000 write=1"

Load OUT at load base + 0x1000, e.g. `jailhouse cell load <cell> mmio-probe.bin OUT -a 0x1000`.
"""
import struct
import sys

PROBE_MAGIC = 0x31425250  # "PRB1"
PSCI_MAGIC = 0x31435350   # "PSC1"
BLOCK_SIZE = 0x1000
PROBE_ENTRY = 24
WIDTHS = {"8": 1, "16": 2, "32": 4, "64": 8}


class UsageError(Exception):
    pass


def number(text, what, position):
    try:
        return int(text, 0)
    except ValueError:
        raise UsageError("argument %d: %r is not a number, expected %s (decimal or 0x hex)"
                         % (position, text, what))


def probe_block(args):
    """args: [op address [value]]... -> bytes of an mmio-probe parameter block."""
    entries, i = [], 0
    while i < len(args):
        op, position = args[i], i + 3
        if op == "hvc0":
            entries.append(struct.pack("<IIQQ", 0x21, 0, 0, 0))
            i += 1
            continue
        if op == "exec":
            if i + 2 > len(args):
                raise UsageError("argument %d: exec needs an address" % position)
            entries.append(struct.pack("<IIQQ", 0x20, 0, number(args[i + 1], "an address", position + 1), 0))
            i += 2
            continue
        kind, bits = op.rstrip("0123456789"), op[len(op.rstrip("0123456789")):]
        if kind not in ("read", "write") or bits not in WIDTHS:
            raise UsageError("argument %d: %r is not an access, expected read8/16/32/64, "
                             "write8/16/32/64, exec or hvc0" % (position, op))
        width = WIDTHS[bits]
        needed = 2 if kind == "read" else 3
        if i + needed > len(args):
            raise UsageError("argument %d: %s needs %s" % (
                position, op, "an address" if kind == "read" else "an address and a value"))
        address = number(args[i + 1], "an address", position + 1)
        value = number(args[i + 2], "a value", position + 2) if kind == "write" else 0
        if not 0 <= address < 1 << 64:
            raise UsageError("argument %d: address %s does not fit 64 bits" % (position + 1, args[i + 1]))
        if not 0 <= value < 1 << (8 * width):
            raise UsageError("argument %d: value %s does not fit %s bits" % (position + 2, args[i + 2], bits))
        entries.append(struct.pack("<IIQQ", width | (0x10 if kind == "write" else 0), 0, address, value))
        i += needed
    if 8 + PROBE_ENTRY * len(entries) > BLOCK_SIZE:
        raise UsageError("%d accesses do not fit the 4 KiB block, at most %d"
                         % (len(entries), (BLOCK_SIZE - 8) // PROBE_ENTRY))
    return struct.pack("<II", PROBE_MAGIC, len(entries)) + b"".join(entries)


def psci_block(args):
    """args: [mpidr]... -> bytes of a psci-cpu-on parameter block."""
    targets = [number(a, "an MPIDR", i + 3) for i, a in enumerate(args)]
    if 8 + 8 * len(targets) > BLOCK_SIZE:
        raise UsageError("%d MPIDRs do not fit the 4 KiB block, at most %d"
                         % (len(targets), (BLOCK_SIZE - 8) // 8))
    return struct.pack("<II%dQ" % len(targets), PSCI_MAGIC, len(targets), *targets)


def cmdline_block(args):
    """args: words of a command line -> the text (joined by spaces) and its NUL,
    what `jailhouse cell load ... -s TEXT -a 0x1000` writes."""
    text = " ".join(args)
    for i, ch in enumerate(text):
        if not (0x20 <= ord(ch) <= 0x7e or ch in "\t\r\n"):
            raise UsageError("command line character %d is %r, expected printable ASCII" % (i, ch))
    data = text.encode("ascii") + b"\0"
    if len(data) > BLOCK_SIZE:
        raise UsageError("the command line is %d bytes with its NUL, at most %d fit the 4 KiB block"
                         % (len(data), BLOCK_SIZE))
    return data


KINDS = {"probe": probe_block, "psci": psci_block, "cmdline": cmdline_block}


def main(argv):
    if len(argv) < 2 or argv[0] not in KINDS:
        raise UsageError("expected `probe OUT ACCESS...`, `psci OUT MPIDR...` or `cmdline OUT TEXT`")
    block = KINDS[argv[0]](argv[2:])
    with open(argv[1], "wb") as out:
        out.write(block)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except UsageError as e:
        sys.exit("mkparams.py: %s\n%s" % (e, __doc__.split("\n\n")[1]))
