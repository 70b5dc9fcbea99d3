/*
 * Warden's linux-loader.bin for arm64 cells: what `jailhouse cell linux` loads at the cell's
 * cpu_reset_address. The tool leaves a text line "kernel=0x... dtb=0x..." 4 KiB above the
 * loader; the loader reads both numbers and enters the kernel as the arm64 boot protocol asks:
 * x0 = the device tree, x1..x3 = 0, EL1, MMU and caches off, DAIF masked (the cell's reset
 * state, which the loader leaves as it is). Position independent: it runs wherever the cell's
 * reset address is. A line without a kernel address parks the CPU in WFI.
 */
	.text
	.globl	_start
_start:
	adr	x19, _start
	add	x19, x19, #0x1000		/* the parameter line */
	mov	x0, x19
	adr	x1, key_kernel
	bl	param
	mov	x20, x0
	mov	x0, x19
	adr	x1, key_dtb
	bl	param
	cbz	x20, halt
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x20
halt:	wfi
	b	halt

/*
 * param(x0 = line, x1 = "key=") -> x0: the number after the first "key=" that starts the line
 * or follows a space ("0x" hexadecimal, else decimal), 0 when there is none. Leaf: x0-x7 only.
 */
param:
	mov	x2, x0			/* the current word */
word:	ldrb	w3, [x2]
	cbz	w3, none
	mov	x4, x2
	mov	x5, x1
match:	ldrb	w6, [x5], #1
	cbz	w6, number		/* the whole key matched; x4 is at the number */
	ldrb	w7, [x4], #1
	cmp	w6, w7
	b.eq	match
skip:	ldrb	w3, [x2], #1		/* to the character after the next space */
	cbz	w3, none
	cmp	w3, #' '
	b.ne	skip
	b	word
none:	mov	x0, xzr
	ret

number:	mov	x0, xzr
	mov	x7, #10
	ldrb	w3, [x4]
	cmp	w3, #'0'
	b.ne	digit
	ldrb	w3, [x4, #1]
	orr	w3, w3, #0x20
	cmp	w3, #'x'
	b.ne	digit
	add	x4, x4, #2
	mov	x7, #16
digit:	ldrb	w3, [x4], #1
	sub	w5, w3, #'0'
	cmp	w5, #9
	b.ls	add
	orr	w3, w3, #0x20		/* a-f, either case */
	sub	w5, w3, #'a'
	cmp	w5, #5
	b.hi	done
	add	w5, w5, #10
	cmp	x7, #16
	b.ne	done
add:	madd	x0, x0, x7, x5
	b	digit
done:	ret

key_kernel:
	.asciz	"kernel="
key_dtb:
	.asciz	"dtb="
