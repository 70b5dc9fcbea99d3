#!/usr/bin/env python3
"""Tests for compare_traces.py on small hand-written traces."""
import contextlib
import io
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_traces  # noqa: E402

FIRST = "1000 " + " ".join("x%d=0" % i for i in range(31)) + " sp=0 nzcv=4 daif=f\n"


class CompareTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def trace(self, name, body):
        path = os.path.join(self.dir.name, name)
        with open(path, "w") as f:
            f.write("# warden whole-program trace v1\n" + body)
        return path

    def run_compare(self, golden, candidate, limit=sys.maxsize):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = compare_traces.compare(golden, candidate, limit)
        return status, out.getvalue()

    def test_equal_traces_written_differently_match(self):
        # Same states: the candidate repeats an unchanged value, which v1 allows.
        golden = self.trace("g", FIRST + "1004 x0=5\n1008\n")
        candidate = self.trace("c", FIRST + "1004 x0=5\n1008 x0=5\n")
        self.assertEqual(self.run_compare(golden, candidate), (0, "3 instructions match\n"))

    def test_names_the_first_wrong_field_and_the_instruction_before(self):
        golden = self.trace("g", FIRST + "1004 x0=5\n1008 x1=7\n")
        candidate = self.trace("c", FIRST + "1004 x0=5\n1008 x1=8 nzcv=6\n")
        status, text = self.run_compare(golden, candidate)
        self.assertEqual(status, 1)
        self.assertIn("first difference at instruction 3", text)
        self.assertIn("the instruction at 1004 (executed just before) computed it", text)
        self.assertIn("x1: golden 7, candidate 8", text)
        self.assertIn("nzcv: golden 4, candidate 6", text)

    def test_a_shorter_candidate_is_a_difference_unless_limited(self):
        golden = self.trace("g", FIRST + "1004\n1008\n")
        candidate = self.trace("c", FIRST + "1004\n")
        self.assertEqual(self.run_compare(golden, candidate)[0], 1)
        self.assertEqual(self.run_compare(golden, candidate, limit=2), (0, "2 instructions match\n"))

    def test_first_line_must_be_complete(self):
        bad = self.trace("b", "1000 x0=0\n")
        with self.assertRaisesRegex(compare_traces.TraceError, r"b:2: the first line must list every field, missing x1"):
            list(compare_traces.states(bad))


if __name__ == "__main__":
    unittest.main()
