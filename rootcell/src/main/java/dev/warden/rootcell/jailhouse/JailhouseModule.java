package dev.warden.rootcell.jailhouse;

import dev.warden.config.JailhouseRelease;
import dev.warden.rootcell.linux.KernelModule;
import dev.warden.rootcell.linux.LinuxModel;
import java.util.Optional;

/**
 * jailhouse.ko: loading it creates /dev/jailhouse and /sys/devices/jailhouse; while the
 * hypervisor is enabled the module is held and rmmod refuses, as the real module takes a
 * reference on enable.
 */
public final class JailhouseModule implements KernelModule {

    public static final String NAME = "jailhouse";
    public static final String DEVICE = "/dev/jailhouse";

    private final LinuxModel linux;
    private final JailhouseDriver driver;
    private final JailhouseSysfs sysfs;

    public JailhouseModule(LinuxModel linux, JailhouseRelease release) {
        this.linux = linux;
        this.driver = new JailhouseDriver(linux, release);
        this.sysfs = new JailhouseSysfs(driver, linux.fs(), linux.board().profile().cpus().size());
    }

    /** The driver of the loaded module of this kernel, if jailhouse.ko is loaded. */
    public static Optional<JailhouseDriver> driverOf(LinuxModel linux) {
        return linux.modules().loaded(NAME).map(m -> ((JailhouseModule) m).driver);
    }

    @Override
    public void init() {
        linux.fs().put(DEVICE, () -> "");
        sysfs.publish();
    }

    @Override
    public boolean inUse() {
        return driver.enabled();
    }

    @Override
    public void exit() {
        sysfs.unpublish();
        linux.fs().remove(DEVICE);
    }

    public JailhouseDriver driver() { return driver; }
}
