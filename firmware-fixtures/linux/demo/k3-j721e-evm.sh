#!/bin/sh
# /usr/share/jailhouse/linux-demo.sh of the J721E EVM root file system: a second Linux on CPU 1,
# its console on MAIN UART1.
set -e
jailhouse enable /usr/share/jailhouse/cells/k3-j721e-evm.cell
jailhouse cell linux /usr/share/jailhouse/cells/k3-j721e-evm-linux-demo.cell /boot/Image -d /boot/dtb/ti/inmate-k3-j721e-evm.dtb -c "console=ttyS3,115200n8 earlycon=ns16550a,mmio32,0x02810000"
