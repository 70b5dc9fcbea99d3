package dev.warden.emulator.profile.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A board profile as derived from a device tree, before it is written: every value with the
 * comment that says where it came from, and the TODOs for what the tree does not say.
 */
final class ProfileDraft {

    /** A value the tree could not give: the profile field and what to put there. */
    record Todo(String field, String text) {}

    record Cpu(String name, long mpidr, String core, String comment) {}

    record Ram(String name, long base, long size, String comment) {}

    record Region(long base, long size) {
        long end() { return base + size; }

        boolean overlaps(Region o) {
            return Long.compareUnsigned(base, o.end()) < 0 && Long.compareUnsigned(o.base, end()) < 0;
        }
    }

    record Device(String name, String path, String kind, List<String> compatible, List<Region> regions, int irq, long clockHz,
                  int regShift, String comment) {}

    record Boot(String media, String dtb, String environment, String environmentComment, String ubootVersion,
                long fdtAddress, long overlayAddress, long kernelAddress, String hostname, String tty,
                String distribution) {}

    String name;
    String description;
    final List<String> header = new ArrayList<>();
    final List<Cpu> cpus = new ArrayList<>();
    final List<Ram> ram = new ArrayList<>();
    long timerHz;
    String timerComment;
    String psciConduit;
    String psciVersion;
    String psciComment;
    final List<Device> devices = new ArrayList<>();
    String primary;
    Optional<String> secondary = Optional.empty();
    String hypervisor;
    final List<String> consoleComment = new ArrayList<>();
    Boot boot;
    final List<Todo> todos = new ArrayList<>();
    /** What the derivation left out, said once in the header (not a TODO: nothing to fill in). */
    final List<String> notes = new ArrayList<>();

    void todo(String field, String text) {
        todos.add(new Todo(field, text));
    }

    Optional<Todo> todoFor(String field) {
        return todos.stream().filter(t -> t.field().equals(field)).findFirst();
    }
}
