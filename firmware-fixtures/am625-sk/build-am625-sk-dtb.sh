#!/usr/bin/env bash
# Builds the device tree of TI's AM625 SK (Linux 6.1, from Debian's linux-source-6.1 package) and
# Warden's Jailhouse overlay for it into OUTDIR, for the fourth-board acceptance test
# (cli: FourthBoardOracleTest, under -Poracles). The kernel's DTS files and the DTB are third-party
# and are never committed: this script makes them at test time, in a target/ or temporary folder.
#
#   apt-get install -y linux-source-6.1 device-tree-compiler
#   firmware-fixtures/am625-sk/build-am625-sk-dtb.sh OUTDIR
#
# Writes OUTDIR/k3-am625-sk.dtb (dtc -@, so overlays can refer to its labels) and
# OUTDIR/k3-am625-sk-jailhouse.dtbo; the kernel sources it needs (arch/arm64/boot/dts/ti and
# include/dt-bindings) are extracted once into OUTDIR/linux-6.1.
set -euo pipefail

out=${1:?usage: build-am625-sk-dtb.sh OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
tarball=${LINUX_SOURCE_TARBALL:-/usr/src/linux-source-6.1.tar.xz}

if [ ! -f "$tarball" ]; then
  echo "$tarball: no such file; expected Debian's kernel sources (apt-get install linux-source-6.1)" >&2
  exit 2
fi
for tool in cpp dtc tar; do
  command -v "$tool" >/dev/null || { echo "$tool: not installed (apt-get install device-tree-compiler cpp)" >&2; exit 2; }
done

src="$out/linux-6.1"
mkdir -p "$src"
if [ ! -f "$src/.extracted" ]; then
  tar -xJf "$tarball" -C "$src" --strip-components=1 --wildcards \
    'linux-source-6.1/arch/arm64/boot/dts/ti/*' 'linux-source-6.1/include/dt-bindings/*'
  touch "$src/.extracted"
fi

# the kernel's own recipe (scripts/Makefile.lib): preprocess with the dt-bindings headers, then dtc
cpp -nostdinc -I "$src/include" -I "$src/arch/arm64/boot/dts" -undef -D__DTS__ -x assembler-with-cpp \
  "$src/arch/arm64/boot/dts/ti/k3-am625-sk.dts" -o "$out/k3-am625-sk.dts.pp"
dtc -@ -q -I dts -O dtb -o "$out/k3-am625-sk.dtb" "$out/k3-am625-sk.dts.pp"
dtc -@ -q -I dts -O dtb -o "$out/k3-am625-sk-jailhouse.dtbo" "$here/k3-am625-sk-jailhouse.dtso"
echo "wrote $out/k3-am625-sk.dtb and $out/k3-am625-sk-jailhouse.dtbo"
