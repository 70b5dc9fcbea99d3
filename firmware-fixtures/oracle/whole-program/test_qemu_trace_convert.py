#!/usr/bin/env python3
"""Tests for qemu_trace_convert.py on hand-written QEMU -d cpu dumps."""
import io
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu_trace_convert as conv  # noqa: E402


def dump(pc, regs=None, sp=0, pstate=0x400003c5):
    """A register dump laid out the way QEMU 7.2 prints it for aarch64."""
    regs = regs or {}
    x = ["X%02d=%016x" % (i, regs.get(i, 0)) for i in range(31)]
    lines = [" PC=%016x %s %s" % (pc, x[0], x[1])]
    lines += [" ".join(x[i:i + 3]) for i in range(2, 29, 3)]
    lines.append("%s %s  SP=%016x" % (x[29], x[30], sp))
    flags = "".join(c if pstate >> (31 - i) & 1 else "-" for i, c in enumerate("NZCV"))
    lines.append("PSTATE=%08x %s EL1h" % (pstate, flags))
    return "\n".join(lines) + "\n"


def run(log, limit=1000):
    out = io.StringIO()
    conv.convert(io.StringIO(log), out, limit, "test")
    return [l for l in out.getvalue().splitlines() if not l.startswith("#")], out.getvalue()


class ConvertTest(unittest.TestCase):
    def test_first_line_lists_every_field_then_only_changes(self):
        lines, _ = run(dump(0x40080000) + dump(0x40080004, {0: 0x40080800}) +
                       dump(0x40080008, {0: 0x40080800, 30: 5}, sp=0x4008d000, pstate=0x600003c5))
        self.assertEqual(lines[0], "40080000 " + " ".join("x%d=0" % i for i in range(31)) +
                         " sp=0 nzcv=4 daif=f")
        self.assertEqual(lines[1], "40080004 x0=40080800")
        self.assertEqual(lines[2], "40080008 x30=5 sp=4008d000 nzcv=6")

    def test_consecutive_identical_dumps_count_once(self):
        lines, text = run(dump(0x1000) + dump(0x1004, {1: 7}) + dump(0x1004, {1: 7}) + dump(0x1000, {1: 7}))
        self.assertEqual([l.split()[0] for l in lines], ["1000", "1004", "1000"])
        self.assertIn("# end: 3 instructions", text)

    def test_daif_comes_from_pstate_bits_9_to_6(self):
        lines, _ = run(dump(0x1000) + dump(0x1004, pstate=0x40000345))
        self.assertEqual(lines[1], "1004 daif=d")

    def test_limit_stops_writing_but_reads_everything(self):
        lines, text = run("".join(dump(0x1000 + 4 * i) for i in range(5)), limit=2)
        self.assertEqual(len(lines), 2)
        self.assertIn("# end: 2 instructions", text)

    def test_incomplete_dump_names_the_line(self):
        log = dump(0x1000) + " PC=0000000000001004 X00=0000000000000000\nPSTATE=400003c5 -Z-- EL1h\n"
        with self.assertRaisesRegex(conv.LogError, "line 13: register dump incomplete.*missing SP, X01, X02"):
            run(log)


if __name__ == "__main__":
    unittest.main()
