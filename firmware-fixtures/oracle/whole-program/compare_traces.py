#!/usr/bin/env python3
"""Compare two whole-program traces (format v1, README.md), e.g. a QEMU golden
and Warden's `run-image --trace` output, and name the first instruction whose
result differs. Either file may be gzip-compressed. Exit status 0 when the
traces agree over the compared length, 1 when they differ, 2 on a bad file.

  compare_traces.py uart-demo.trace.txt.gz warden-uart-demo.trace [--limit N]
"""
import argparse
import gzip
import sys

FIELDS = ["x%d" % i for i in range(31)] + ["sp", "nzcv", "daif"]


class TraceError(Exception):
    pass


def states(path):
    """Yield (line number, pc, full field dict) for each instruction line."""
    opener = gzip.open if path.endswith(".gz") else open
    current = None
    with opener(path, "rt") as f:
        for line_no, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.split()
            try:
                pc = int(parts[0], 16)
                changes = dict(p.split("=", 1) for p in parts[1:])
                changes = {k: int(v, 16) for k, v in changes.items()}
            except ValueError:
                raise TraceError("%s:%d: expected 'pc field=value ...' in hex, got %r"
                                 % (path, line_no, line.rstrip()))
            unknown = set(changes) - set(FIELDS)
            if unknown:
                raise TraceError("%s:%d: unknown field(s) %s, expected %s"
                                 % (path, line_no, ", ".join(sorted(unknown)), " ".join(FIELDS)))
            if current is None:
                missing = [f for f in FIELDS if f not in changes]
                if missing:
                    raise TraceError("%s:%d: the first line must list every field, missing %s"
                                     % (path, line_no, ", ".join(missing)))
                current = {}
            current.update(changes)
            yield line_no, pc, dict(current)


def compare(golden, candidate, limit):
    previous_pc = None
    count = 0
    for (g, c) in zip(states(golden), states(candidate)):
        if count == limit:
            break
        (g_line, g_pc, g_state), (c_line, c_pc, c_state) = g, c
        diffs = [f for f in FIELDS if g_state[f] != c_state[f]]
        if g_pc != c_pc or diffs:
            print("first difference at instruction %d (%s line %d, %s line %d)"
                  % (count + 1, golden, g_line, candidate, c_line))
            if previous_pc is not None:
                print("  the instruction at %x (executed just before) computed it" % previous_pc)
            if g_pc != c_pc:
                print("  pc: golden %x, candidate %x" % (g_pc, c_pc))
            for f in diffs:
                print("  %s: golden %x, candidate %x" % (f, g_state[f], c_state[f]))
            return 1
        previous_pc = g_pc
        count += 1
    # One of them may simply be shorter.
    lengths = [sum(1 for _ in states(p)) for p in (golden, candidate)]
    wanted = min(max(lengths), limit)
    if min(lengths) < wanted:
        short = golden if lengths[0] < lengths[1] else candidate
        print("%s ends after %d instructions, the other has %d" % (short, min(lengths), wanted))
        return 1
    print("%d instructions match" % count)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("golden")
    parser.add_argument("candidate")
    parser.add_argument("--limit", type=int, default=sys.maxsize,
                        help="compare only the first N instructions")
    args = parser.parse_args()
    try:
        sys.exit(compare(args.golden, args.candidate, args.limit))
    except (TraceError, OSError) as e:
        print("compare_traces.py: %s" % e, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
