/*
 * Inmate link layout, preprocessed with LOAD_BASE set per board:
 *   +0x0000  .boot   reset entry, then the vector table at +0x800
 *   +0x1000  .params parameter block (4 KiB; zero unless the build embeds one)
 *   +0x2000  .text, .rodata, .data
 *            .bss    (zeroed at start-up; holds the page tables)
 *            stacks  (4 KiB primary, 4 KiB for a CPU started by PSCI CPU_ON)
 * Everything must fit the 64 KiB RAM region of Jailhouse's demo cells.
 * The flat binary ends with .data; everything after it is RAM the image uses.
 */
OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(__reset_entry)

SECTIONS
{
	. = LOAD_BASE;
	__load_base = .;
	.boot : { KEEP(*(.boot)) }

	. = LOAD_BASE + 0x1000;
	.params : {
		__params = .;
		KEEP(*(.params))
		. = __params + 0x1000;
	}

	.text : { *(.text .text.*) }
	.rodata : { *(.rodata .rodata.*) }
	.data : { *(.data .data.*) }

	. = ALIGN(4096);
	.bss (NOLOAD) : {
		__bss_start = .;
		*(.bss.pagetables)
		*(.bss .bss.* COMMON)
		. = ALIGN(16);
		__bss_end = .;
	}

	.stack (NOLOAD) : {
		. = ALIGN(16);
		. = . + 0x1000;
		__stack_top = .;
		. = . + 0x1000;
		__secondary_stack_top = .;
	}
	__image_end = .;
#ifndef IMAGE_LIMIT
#define IMAGE_LIMIT 0x10000
#endif
	ASSERT(__image_end - __load_base <= IMAGE_LIMIT, "inmate does not fit 64 KiB of cell RAM")

	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) }
}
