package dev.warden.config;

/** struct jailhouse_pio (4 bytes; x86, revision 11 and later). */
public record PioRegion(int base, int length) {
}
