#!/bin/sh
# Regenerates every device-tree golden file with Debian bookworm's device-tree-compiler 1.6.1
# (apt-get install device-tree-compiler): the board fixtures, the oracle overlays, the
# fdtoverlay results of cases.txt, and the dtc/fdtdump text of every blob.
# Run from anywhere: firmware-fixtures/dt-oracle/regenerate.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
fixtures=$(dirname "$here")
cd "$fixtures"

dtc --version | grep -q 'DTC 1.6.1' || { echo "need dtc 1.6.1 (Debian bookworm)" >&2; exit 1; }

for board in k3-am654-idk k3-j721e-evm qemu-arm64-virt; do
	make -s -B -C "$board/boot"
done

for src in dt-oracle/overlays/*.dtso; do
	dtc -@ -q -I dts -O dtb -o "${src%.dtso}.dtbo" "$src"
done
for src in dt-oracle/samples/*.dts; do
	dtc -@ -q -I dts -O dtb -o "${src%.dts}.dtb" "$src"
done

golden=dt-oracle/golden
rm -rf "$golden"
mkdir -p "$golden/overlay" "$golden/dts" "$golden/fdtdump"

# fdtoverlay on every case: <name>.result holds the exit code and stderr; on success the
# merged blob and its decompiled text are kept too.
grep -v '^#' dt-oracle/cases.txt | grep -v '^$' | while read -r name base overlays; do
	# shellcheck disable=SC2086
	if fdtoverlay -i "$base" -o "$golden/overlay/$name.dtb" $overlays 2>"$golden/overlay/$name.stderr"; then
		rc=0
	else
		rc=$?
	fi
	{ echo "rc=$rc"; cat "$golden/overlay/$name.stderr"; } > "$golden/overlay/$name.result"
	rm -f "$golden/overlay/$name.stderr"
	if [ "$rc" = 0 ]; then
		dtc -I dtb -O dts -o "$golden/overlay/$name.dts" "$golden/overlay/$name.dtb" 2>/dev/null
	else
		rm -f "$golden/overlay/$name.dtb"
	fi
done

# dtc -O dts and fdtdump text of every fixture blob; the golden name is the path with / -> __
for blob in */boot/dtb/*.dtb */boot/dtb/*.dtbo */boot/dtb/ti/*.dtb */boot/dtb/ti/*.dtbo dt-oracle/overlays/*.dtbo dt-oracle/samples/*.dtb; do
	[ -f "$blob" ] || continue
	key=$(echo "$blob" | sed 's#/#__#g')
	dtc -I dtb -O dts -o "$golden/dts/$key.dts" "$blob" 2>/dev/null
	fdtdump "$blob" > "$golden/fdtdump/$key.txt" 2>/dev/null
done

(cd "$golden" && find . -type f | LC_ALL=C sort | xargs sha256sum) > dt-oracle/SHA256SUMS
echo "goldens regenerated in $golden"
