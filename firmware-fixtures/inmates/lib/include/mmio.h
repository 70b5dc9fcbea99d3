/*
 * Device register access. Every access is a single load or store of the
 * named width, so a trapped access reaches the hypervisor with exactly
 * that size (the isolation scenarios check the width Jailhouse reports).
 */
#ifndef INMATE_MMIO_H
#define INMATE_MMIO_H

#include "types.h"

static inline u8 mmio_read8(u64 addr)
{
	u8 v;
	asm volatile("ldrb %w0, [%1]" : "=r"(v) : "r"(addr) : "memory");
	return v;
}

static inline u16 mmio_read16(u64 addr)
{
	u16 v;
	asm volatile("ldrh %w0, [%1]" : "=r"(v) : "r"(addr) : "memory");
	return v;
}

static inline u32 mmio_read32(u64 addr)
{
	u32 v;
	asm volatile("ldr %w0, [%1]" : "=r"(v) : "r"(addr) : "memory");
	return v;
}

static inline u64 mmio_read64(u64 addr)
{
	u64 v;
	asm volatile("ldr %0, [%1]" : "=r"(v) : "r"(addr) : "memory");
	return v;
}

static inline void mmio_write8(u64 addr, u8 v)
{
	asm volatile("strb %w0, [%1]" : : "r"(v), "r"(addr) : "memory");
}

static inline void mmio_write16(u64 addr, u16 v)
{
	asm volatile("strh %w0, [%1]" : : "r"(v), "r"(addr) : "memory");
}

static inline void mmio_write32(u64 addr, u32 v)
{
	asm volatile("str %w0, [%1]" : : "r"(v), "r"(addr) : "memory");
}

static inline void mmio_write64(u64 addr, u64 v)
{
	asm volatile("str %0, [%1]" : : "r"(v), "r"(addr) : "memory");
}

#endif
