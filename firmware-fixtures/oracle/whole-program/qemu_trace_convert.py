#!/usr/bin/env python3
"""Convert a QEMU `-d cpu` log (aarch64, one register dump per instruction)
into Warden's compact whole-program trace format (see README.md).

Reads the log from a file or stdin, writes the trace to stdout. Consecutive
identical dumps are dropped: under -icount QEMU restarts an instruction that
touches MMIO and logs it twice. The whole log is always read (so QEMU never
sees a broken pipe), but at most --max instructions are written.
"""
import argparse
import re
import sys

REGISTER = re.compile(r"(X\d\d|SP|PC)=([0-9a-f]{16})")
PSTATE = re.compile(r"PSTATE=([0-9a-f]{8})")
FIELDS = ["x%d" % i for i in range(31)] + ["sp", "nzcv", "daif"]


class LogError(Exception):
    pass


def parse_dump(text, line_no):
    """One register dump (the lines from ' PC=' up to 'PSTATE=') -> (pc, fields)."""
    regs = dict(REGISTER.findall(text))
    pstate = PSTATE.search(text)
    missing = [n for n in ["PC", "SP"] + ["X%02d" % i for i in range(31)] if n not in regs]
    if missing or not pstate:
        raise LogError("line %d: register dump incomplete, expected PC, X00..X30, SP and "
                       "PSTATE, missing %s" % (line_no, ", ".join(missing) or "PSTATE"))
    value = int(pstate.group(1), 16)
    fields = [int(regs["X%02d" % i], 16) for i in range(31)]
    fields += [int(regs["SP"], 16), value >> 28, (value >> 6) & 0xf]
    return int(regs["PC"], 16), fields


def dumps(stream):
    """Yield (line number, dump text) for each register dump in the log."""
    current, start = [], 0
    for line_no, line in enumerate(stream, 1):
        if line.startswith(" PC="):
            if current:
                yield start, " ".join(current)
            current, start = [line.rstrip("\n")], line_no
        elif current and not line.startswith("PSTATE=") and "=" not in line:
            continue  # anything else QEMU logs (warnings) is not part of a dump
        elif current:
            current.append(line.rstrip("\n"))
    if current:
        yield start, " ".join(current)


def convert(stream, out, limit, source):
    out.write("# warden whole-program trace v1\n")
    out.write("# source: %s\n" % source)
    out.write("# line: pc [field=value ...]; fields: x0..x30 sp nzcv daif; "
              "values hex; a field is listed when it differs from the line before\n")
    previous_key, previous_fields, written = None, None, 0
    for line_no, text in dumps(stream):
        pc, fields = parse_dump(text, line_no)
        key = (pc, tuple(fields))
        if key == previous_key:
            continue
        previous_key = key
        if written < limit:
            changes = [
                "%s=%x" % (name, value)
                for i, (name, value) in enumerate(zip(FIELDS, fields))
                if previous_fields is None or previous_fields[i] != value
            ]
            out.write(" ".join(["%x" % pc] + changes) + "\n")
            written += 1
        previous_fields = fields
    out.write("# end: %d instructions\n" % written)
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("log", nargs="?", help="QEMU -d cpu log (default: stdin)")
    parser.add_argument("--max", type=int, default=sys.maxsize,
                        help="write at most this many instructions")
    parser.add_argument("--source", default="qemu-system-aarch64 -d cpu",
                        help="text for the '# source:' header line")
    args = parser.parse_args()
    stream = open(args.log, errors="replace") if args.log else sys.stdin
    try:
        written = convert(stream, sys.stdout, args.max, args.source)
    except LogError as e:
        sys.exit("%s: %s" % (args.log or "<stdin>", e))
    if written == 0:
        sys.exit("%s: no register dumps found (expected lines starting ' PC=')"
                 % (args.log or "<stdin>"))


if __name__ == "__main__":
    main()
