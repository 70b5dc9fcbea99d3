#!/usr/bin/env bash
# Builds the initramfs the real-kernel boots use, from Debian's arm64 busybox-static:
#   build-initramfs.sh BUSYBOX OUT.cpio.gz [MODULE.ko ...]
# /init mounts what the seed's `mount` lists (proc, sysfs, debugfs, configfs, devtmpfs, /run,
# /var/volatile, devpts) and hands over to busybox init, whose inittab runs a getty (login as
# root, no password) on the console. The kernel passes unknown name=value parameters of its
# command line to init's environment: hostname=NAME sets the name the login prompt shows.
# Every file gets the same time stamp and owner, so the same busybox gives the same archive.
set -euo pipefail
busybox=$1
out=$2
shift 2
command -v cpio >/dev/null || { echo "build-initramfs.sh needs cpio (apt-get install cpio)" >&2; exit 1; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT INT TERM

mkdir -p "$root"/{bin,sbin,etc/init.d,proc,sys,dev,run,root,tmp,var/volatile,usr/bin,usr/sbin}
cp "$busybox" "$root/bin/busybox"
chmod 755 "$root/bin/busybox"
for applet in sh ash cat echo ls mkdir mount umount uname dmesg grep hostname sleep ps login; do
  ln -s busybox "$root/bin/$applet"
done
mkdir -p "$root/lib/modules"
for module in "$@"; do
  case $module in
    *.xz) xz -dc "$module" > "$root/lib/modules/$(basename "$module" .xz)" ;;
    *) cp "$module" "$root/lib/modules/" ;;
  esac
done
for applet in init getty login insmod; do
  ln -s ../bin/busybox "$root/sbin/$applet"
done

cat > "$root/init" <<'INIT'
#!/bin/sh
# PID 1 of Warden's real-kernel initramfs: the seed's mounts, then busybox init (inittab).
mount -t proc proc /proc
mount -t sysfs sysfs /sys
for module in /lib/modules/*.ko; do
  [ -e "$module" ] && insmod "$module"
done
mount -t debugfs debugfs /sys/kernel/debug
mount -t configfs configfs /sys/kernel/config
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts
mount -t tmpfs -o nosuid,nodev,mode=755 tmpfs /run
mount -t tmpfs -o size=51200k tmpfs /var/volatile
mount -t devpts -o gid=5,mode=620,ptmxmode=000 devpts /dev/pts
hostname "${hostname:-warden}"
echo "init: busybox initramfs up on $(uname -r)"
exec /sbin/init
INIT
chmod 755 "$root/init"

cat > "$root/etc/inittab" <<'TAB'
::respawn:/sbin/getty -L 0 console vt100
TAB
printf 'root::0:0:root:/root:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\ntty:x:5:\n' > "$root/etc/group"
printf '\nWarden real-kernel initramfs \\n \\l\n\n' > "$root/etc/issue"
printf 'PS1="\\u@\\h:\\w# "\nexport PS1\n' > "$root/etc/profile"

(cd "$root" && find . -mindepth 1 -exec touch -h -d @0 {} + && find . -mindepth 1 | LC_ALL=C sort \
  | cpio --quiet -o -H newc -R 0:0 --reproducible) | gzip -9 -n > "$out"
