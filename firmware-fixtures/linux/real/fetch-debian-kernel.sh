#!/usr/bin/env bash
# Fetches Debian's arm64 kernel (the package linux-image-arm64 depends on) and Debian's arm64
# busybox-static by name from the Debian archive, and builds from them, in a cache outside the
# tree (nothing of it is ever committed):
#   $WARDEN_CACHE/linux/Image          the uncompressed arm64 Image (vmlinuz is gzip'd)
#   $WARDEN_CACHE/linux/initramfs.cpio.gz  busybox + our init (build-initramfs.sh)
#   $WARDEN_CACHE/linux/kernel-version the package's version, for the logs
# WARDEN_CACHE defaults to ~/.cache/warden. Running it again when both exist does nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${WARDEN_CACHE:-$HOME/.cache/warden}/linux
mkdir -p "$cache"
# Bump when what this script or build-initramfs.sh produces changes: older caches are rebuilt.
format=3
if [ -s "$cache/Image" ] && [ -s "$cache/initramfs.cpio.gz" ] && [ "$(cat "$cache/format" 2>/dev/null)" = "$format" ]; then
  echo "debian kernel: cached in $cache ($(cat "$cache/kernel-version"))"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  dpkg --add-architecture arm64
fi
apt-get update -qq
command -v cpio >/dev/null || apt-get install -y -qq --no-install-recommends cpio >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
chmod 755 "$work" # apt-get download fetches as the _apt user
cd "$work"

# The meta package names the versioned image package (linux-image-6.1.0-NN-arm64).
image_pkg=$(apt-cache depends linux-image-arm64:arm64 | sed -n 's/^ *Depends: \(linux-image-[0-9][^:]*-arm64\).*/\1/p' | head -n1)
[ -n "$image_pkg" ] || { echo "no linux-image-*-arm64 dependency of linux-image-arm64:arm64" >&2; exit 1; }
apt-get download -qq "$image_pkg:arm64" busybox-static:arm64
dpkg-deb -x "$image_pkg"_*.deb kernel
dpkg-deb -x busybox-static_*.deb busybox

vmlinuz=$(ls kernel/boot/vmlinuz-*)
# Debian's arm64 vmlinuz is the Image gzip'd; a plain Image ("ARMd" at offset 56) is used as is.
if [ "$(dd if="$vmlinuz" bs=1 skip=56 count=4 2>/dev/null)" = "ARMd" ]; then
  cp "$vmlinuz" "$cache/Image.tmp"
else
  gzip -dc "$vmlinuz" > "$cache/Image.tmp"
fi
[ "$(dd if="$cache/Image.tmp" bs=1 skip=56 count=4 2>/dev/null)" = "ARMd" ] || { echo "$vmlinuz holds no arm64 Image" >&2; exit 1; }
mv "$cache/Image.tmp" "$cache/Image"
cp kernel/boot/config-* "$cache/config"

# configfs is a module in Debian's kernel: the initramfs loads it to mount what the seed lists.
configfs=$(find kernel/lib/modules -name 'configfs.ko*' | head -n1)
"$here/build-initramfs.sh" busybox/bin/busybox "$cache/initramfs.cpio.gz" $configfs
echo "$image_pkg $(dpkg-deb -f "$image_pkg"_*.deb Version)" > "$cache/kernel-version"
echo "$format" > "$cache/format"
echo "debian kernel: $(cat "$cache/kernel-version") in $cache"
