package dev.warden.steps.inmates;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The parameter block of the psci-cpu-on inmate (firmware-fixtures/inmates/README.md): magic
 * "PSC1", a count, then the MPIDR of each CPU to switch on.
 */
public final class PsciParameters {

    static final int MAGIC = 0x31435350;
    static final int MAX_ENTRIES = 511;

    private PsciParameters() {}

    public static byte[] of(List<String> mpidrs) {
        if (mpidrs.isEmpty() || mpidrs.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("between 1 and " + MAX_ENTRIES + " MPIDRs expected, got " + mpidrs.size());
        }
        ByteBuffer b = ByteBuffer.allocate(8 + 8 * mpidrs.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(mpidrs.size());
        for (String m : mpidrs) {
            try {
                b.putLong(ProbeParameters.parse64(m));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + m + "' is not an MPIDR (decimal or 0x hex)");
            }
        }
        return b.array();
    }
}
