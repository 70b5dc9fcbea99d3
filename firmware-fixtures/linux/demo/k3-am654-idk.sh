#!/bin/sh
# /usr/share/jailhouse/linux-demo.sh of the AM654 IDK root file system (TI's Processor SDK demo):
# enable the hypervisor, then boot a second Linux on CPUs 2-3 with its console on MCU UART0.
set -e
jailhouse enable /usr/share/jailhouse/cells/k3-am654-idk.cell
jailhouse cell linux /usr/share/jailhouse/cells/k3-am654-idk-linux-demo.cell /boot/Image -d /boot/dtb/ti/inmate-k3-am654-idk.dtb -c "console=ttyS1,115200n8 earlycon=ns16550a,mmio32,0x40a00000"
