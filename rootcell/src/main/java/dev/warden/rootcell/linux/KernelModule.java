package dev.warden.rootcell.linux;

/** A loadable kernel module as insmod and rmmod see it. */
public interface KernelModule {

    /** module_init: what loading does (create devices, sysfs). */
    void init();

    /** Whether something holds a reference, so that rmmod refuses (EAGAIN with O_NONBLOCK). */
    boolean inUse();

    /** module_exit: what unloading undoes. */
    void exit();
}
