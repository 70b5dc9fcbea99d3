package dev.warden.config;

/** struct jailhouse_cache (12 bytes; x86 CAT only). {@code padding} is kept for byte-exact round trips. */
public record CacheRegion(int start, int size, int type, int padding, int flags) {
}
