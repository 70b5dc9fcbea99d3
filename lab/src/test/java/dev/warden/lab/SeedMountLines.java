package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's secondary-terminal check for a real kernel in a cell: root logs in and `mount` lists
 * the file systems the seed document shows (sizes of rootfs and devtmpfs depend on the cell's RAM).
 */
final class SeedMountLines {

    private SeedMountLines() { }

    /** {@code session}: the console from the login prompt on. */
    static void assertLoginAndMount(String session) {
        assertThat(session).contains("warden login: root\n", "mount\n");
        assertThat(session).contains(
                "proc on /proc type proc (rw,relatime)\n",
                "sysfs on /sys type sysfs (rw,relatime)\n",
                "debugfs on /sys/kernel/debug type debugfs (rw,relatime)\n",
                "configfs on /sys/kernel/config type configfs (rw,relatime)\n",
                "tmpfs on /run type tmpfs (rw,nosuid,nodev,relatime,mode=755,inode64)\n",
                "tmpfs on /var/volatile type tmpfs (rw,relatime,size=51200k,inode64)\n",
                "devpts on /dev/pts type devpts (rw,relatime,gid=5,mode=620,ptmxmode=000)\n");
        assertThat(session).containsPattern("rootfs on / type rootfs \\(rw,size=\\d+k,nr_inodes=\\d+,inode64\\)\n");
        assertThat(session).containsPattern("devtmpfs on /dev type devtmpfs \\(rw,relatime,size=\\d+k,nr_inodes=\\d+,mode=755,inode64\\)\n");
    }
}
