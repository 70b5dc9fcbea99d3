package dev.warden.emulator.devices.pci;

/**
 * A function on a PCI bus as its configuration header identifies it: bus, device and function
 * number, vendor and device ID, and the 24-bit class code (base class, subclass, programming
 * interface) with the revision.
 */
public record PciFunction(int bus, int device, int function, int vendorId, int deviceId, int classCode, int revision) {

    /** The function's index in an ECAM window: bus << 8 | device << 3 | function. */
    public int ecamIndex() {
        return bus << 8 | device << 3 | function;
    }

    /** "00:00.0 1b36:0008 060000", as lspci -n would show it. */
    @Override
    public String toString() {
        return String.format("%02x:%02x.%x %04x:%04x %06x", bus, device, function, vendorId, deviceId, classCode);
    }

    /**
     * Parses {@code "BB:DD.F"} and {@code "VVVV:DDDD"} with a class code.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static PciFunction parse(String address, String id, long classCode) {
        java.util.regex.Matcher a = java.util.regex.Pattern.compile("([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\\.([0-7])").matcher(address);
        if (!a.matches()) throw new IllegalArgumentException("expected a PCI address 'BB:DD.F', found '" + address + "'");
        java.util.regex.Matcher i = java.util.regex.Pattern.compile("([0-9a-fA-F]{4}):([0-9a-fA-F]{4})").matcher(id);
        if (!i.matches()) throw new IllegalArgumentException("expected a PCI ID 'VVVV:DDDD', found '" + id + "'");
        int device = Integer.parseInt(a.group(2), 16);
        if (device > 31) throw new IllegalArgumentException("PCI device number " + device + " is above 31 in '" + address + "'");
        if (classCode < 0 || classCode > 0xffffff) {
            throw new IllegalArgumentException(String.format("expected a 24-bit class code, found 0x%x", classCode));
        }
        return new PciFunction(Integer.parseInt(a.group(1), 16), device, Integer.parseInt(a.group(3)),
                Integer.parseInt(i.group(1), 16), Integer.parseInt(i.group(2), 16), (int) classCode, 0);
    }
}
