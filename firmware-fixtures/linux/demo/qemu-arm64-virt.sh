#!/bin/sh
# linux-demo.sh for QEMU virt: a second Linux on CPUs 2-3 sharing the PL011 with the root cell.
set -e
insmod /root/jailhouse.ko
jailhouse enable /usr/share/jailhouse/cells/qemu-arm64.cell
jailhouse cell linux /usr/share/jailhouse/cells/qemu-arm64-linux-demo.cell /boot/Image -d /boot/dtb/inmate-qemu-arm64.dtb -c "console=ttyAMA0 earlycon=pl011,0x09000000"
