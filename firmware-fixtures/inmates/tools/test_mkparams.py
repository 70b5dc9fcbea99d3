#!/usr/bin/env python3
"""Tests for mkparams.py, and a cross-check that the blocks embedded in the
standalone images (params/*.S) are what mkparams.py writes for the same list."""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import mkparams  # noqa: E402

STANDALONE = os.path.join(HERE, "..", "build", "qemu-arm64-virt-standalone")


class ProbeBlockTest(unittest.TestCase):
    def test_layout_of_a_read_and_a_write(self):
        block = mkparams.probe_block(["read32", "0x02800000", "write8", "0x40a00000", "0x41"])
        self.assertEqual(block[:8], b"PRB1" + bytes([2, 0, 0, 0]))
        self.assertEqual(len(block), 8 + 2 * 24)
        self.assertEqual(struct.unpack_from("<IIQQ", block, 8), (0x04, 0, 0x02800000, 0))
        self.assertEqual(struct.unpack_from("<IIQQ", block, 32), (0x11, 0, 0x40a00000, 0x41))

    def test_64_bit_values_and_addresses(self):
        block = mkparams.probe_block(["write64", "0x8dfc00000", "0xffffffffffffffff"])
        self.assertEqual(struct.unpack_from("<IIQQ", block, 8),
                         (0x18, 0, 0x8dfc00000, 0xffffffffffffffff))

    def test_rejects_unknown_access_naming_the_argument(self):
        with self.assertRaisesRegex(mkparams.UsageError, r"argument 5: 'read12' is not an access"):
            mkparams.probe_block(["read8", "0x0", "read12", "0x0"])

    def test_rejects_value_wider_than_the_access(self):
        with self.assertRaisesRegex(mkparams.UsageError, "value 0x10000 does not fit 16 bits"):
            mkparams.probe_block(["write16", "0x0", "0x10000"])

    def test_rejects_missing_value(self):
        with self.assertRaisesRegex(mkparams.UsageError, "write32 needs an address and a value"):
            mkparams.probe_block(["write32", "0x0"])

    def test_rejects_more_accesses_than_fit(self):
        with self.assertRaisesRegex(mkparams.UsageError, "171 accesses do not fit the 4 KiB block, at most 170"):
            mkparams.probe_block(["read8", "0x0"] * 171)


class PsciBlockTest(unittest.TestCase):
    def test_layout(self):
        block = mkparams.psci_block(["3", "0x100"])
        self.assertEqual(block, b"PSC1" + struct.pack("<IQQ", 2, 3, 0x100))

    def test_rejects_non_numbers(self):
        with self.assertRaisesRegex(mkparams.UsageError, "argument 4: 'cpu1' is not a number"):
            mkparams.psci_block(["1", "cpu1"])


class CmdlineBlockTest(unittest.TestCase):
    def test_text_and_nul(self):
        self.assertEqual(mkparams.cmdline_block(["addr=0x9010000", "write=1"]), b"addr=0x9010000 write=1\0")

    def test_empty_command_line_is_a_lone_nul(self):
        self.assertEqual(mkparams.cmdline_block([]), b"\0")

    def test_rejects_non_printable_characters(self):
        with self.assertRaisesRegex(mkparams.UsageError, r"command line character 4 is '\\x01'"):
            mkparams.cmdline_block(["addr\x01"])

    def test_rejects_more_than_fits(self):
        with self.assertRaisesRegex(mkparams.UsageError, "4097 bytes with its NUL, at most 4096"):
            mkparams.cmdline_block(["x" * 4096])


@unittest.skipUnless(shutil.which("aarch64-linux-gnu-objcopy"), "needs aarch64 binutils")
class EmbeddedBlocksTest(unittest.TestCase):
    def params_section(self, inmate):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "params.bin")
            subprocess.run(["aarch64-linux-gnu-objcopy", "-O", "binary", "--only-section=.params",
                            os.path.join(STANDALONE, inmate + ".elf"), out], check=True)
            with open(out, "rb") as f:
                return f.read()

    def test_mmio_probe_block_matches_mkparams(self):
        expected = mkparams.probe_block(
            "read32 0x09000fe0 read32 0x09000ff0 read32 0x09000018 read32 0x08000004 "
            "read32 0x0800ffe8 read64 0x080a0008 write64 0x40200000 0x0123456789abcdef "
            "read64 0x40200000 read32 0x40200004 read16 0x40200002 read8 0x40200001 "
            "write8 0x40200007 0xa5 write16 0x40200000 0xbeef write32 0x40200008 0xfffffffe "
            "read64 0x40200000 read64 0x40200008 read32 0x0a000000 read32 0x08030000".split())
        section = self.params_section("mmio-probe")
        self.assertEqual(section[:len(expected)], expected)
        self.assertEqual(section[len(expected):], bytes(0x1000 - len(expected)))

    def test_psci_block_matches_mkparams(self):
        expected = mkparams.psci_block(["0", "1", "0x100"])
        self.assertEqual(self.params_section("psci-cpu-on")[:len(expected)], expected)

    def test_park_demo_command_line_matches_mkparams(self):
        expected = mkparams.cmdline_block(["addr=0x40200000", "write=1", "value=0x5041524b"])
        section = self.params_section("park-demo")
        self.assertEqual(section[:len(expected)], expected)
        self.assertEqual(section[len(expected):], bytes(0x1000 - len(expected)))


if __name__ == "__main__":
    unittest.main()
