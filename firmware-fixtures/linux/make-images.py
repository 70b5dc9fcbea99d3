#!/usr/bin/env python3
"""Writes the arm64 kernel Image that each board's boot media carries for the root-cell Linux model.

The file is a real arm64 Image header (Documentation/arm64/booting: code0/code1, text_offset,
image_size, flags, magic "ARM\\x64" at 0x38, PE offset) followed by a small description that the
Linux model reads back: the version banner it prints. U-Boot's booti checks the header exactly as
for a real kernel. Run from the repository root: python3 firmware-fixtures/linux/make-images.py
"""
import struct
from pathlib import Path

BOARDS = {
    "k3-am654-idk": "4.19.59-g5f8c1c6121 (oe-user@oe-host) (gcc version 8.3.0 (GNU Toolchain for the A-profile Architecture 8.3-2019.03 (arm-rel-8.36))) #1 SMP PREEMPT Fri Jul 26 09:31:51 UTC 2019",
    "k3-j721e-evm": "5.4.40-g8e8a6b8a5e (oe-user@oe-host) (gcc version 9.2.1 20191025 (GNU Toolchain for the A-profile Architecture 9.2-2019.12 (arm-9.10))) #1 SMP PREEMPT Mon Sep 21 13:22:35 UTC 2020",
    # the kernel of the reference rig (../shared/reference-rig), so that its sessions compare line for line
    "qemu-arm64-virt": "6.1.192-jh (root@vm) (aarch64-linux-gnu-gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #2 SMP Sat Dec  5 08:18:21 UTC 2026",
}

TEXT_OFFSET = 0x80000
FLAGS = 0x0a  # little-endian kernel, 4K pages, placement anywhere (bit 3)


# image_size of the header where the board's root file system also holds the kernel (/root/Image in
# Siemens' jailhouse-images): the size of a slim 6.1 arm64 kernel, so that the file is as large as
# the real one (it does not fit a 64 KiB inmate cell). Elsewhere the size of what the file holds.
IMAGE_SIZES = {"qemu-arm64-virt": 0x4a0000}


def image(version: str, image_size: int = 0) -> bytes:
    payload = ("WARDEN-LINUX-MODEL\nversion=" + version + "\n").encode()
    size = 64 + len(payload)
    size = (size + 0xfff) & ~0xfff
    file_size = size
    size = max(size, image_size)
    header = struct.pack("<IIQQQQQQ4sI",
                         0x91005a4d,          # code0: "MZ" + add x13, x18, #0x16 (as real kernels)
                         0x14000000,          # code1: branch to stext (b .)
                         TEXT_OFFSET, size, FLAGS, 0, 0, 0,
                         b"ARM\x64", 0)
    assert len(header) == 64
    return (header + payload).ljust(file_size, b"\0")


# Each release's hypervisor image: its version banner and the size of its core (code, data, bss):
# the page pool starts after the core, so it sets the pool's size (994 pages of 4 MiB upstream,
# 991 in TI's fork, as their consoles print).
RELEASES = {
    "upstream": ("v0.12 (324-ge57d1eff)", 0x1e000),
    "ti-v0.10": ("v0.10 (152-g6dce20f)", 0x21000),
}


def hypervisor_image(version: str, core_size: int) -> bytes:
    """A stand-in for jailhouse.bin with the real arm64 header (struct jailhouse_header): the driver
    checks its signature and sizes, copies it into hypervisor memory and calls its entry; Warden's
    hypervisor model runs in place of the code and reads its release from the version string."""
    header = struct.pack("<8sQQQQQIIQQI4x",
                         b"JAILHOUS", core_size, 0x4000, 0x4000, 0x18000, 0, 0, 0, 0, 0, 1)
    assert len(header) == 80
    payload = ("Warden model of the Jailhouse hypervisor core\nJHVERSION=" + version + "\n").encode()
    return (header + payload).ljust(4096, b"\0")


def kernel_module() -> bytes:
    """A stand-in for jailhouse.ko: insmod finds the module's name in its modinfo section, and
    Warden's model of the driver is what loading it runs."""
    modinfo = b"\0license=GPL\0description=Management driver for Jailhouse partitioning hypervisor\0name=jailhouse\0"
    return (b"\x7fELF" + b"\0" * 12 + b"Warden stand-in for jailhouse.ko" + modinfo).ljust(1024, b"\0")


def main() -> None:
    root = Path(__file__).resolve().parents[2]
    for board, version in BOARDS.items():
        out = root / "firmware-fixtures" / board / "boot" / "Image"
        out.write_bytes(image(version, IMAGE_SIZES.get(board, 0)))
        print(f"wrote {out.relative_to(root)} ({out.stat().st_size} bytes)")
    for release, (version, core_size) in RELEASES.items():
        firmware = root / "firmware-fixtures" / "linux" / "firmware" / release / "jailhouse.bin"
        firmware.parent.mkdir(parents=True, exist_ok=True)
        firmware.write_bytes(hypervisor_image(version, core_size))
        print(f"wrote {firmware.relative_to(root)}")
    module = root / "firmware-fixtures" / "linux" / "modules" / "jailhouse.ko"
    module.parent.mkdir(parents=True, exist_ok=True)
    module.write_bytes(kernel_module())
    print(f"wrote {module.relative_to(root)}")


if __name__ == "__main__":
    main()
