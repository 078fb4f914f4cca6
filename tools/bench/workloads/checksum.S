// A general workload for the emulator benchmark: fill 64 MiB with a xorshift stream, then mix it into a checksum
// over several passes with loads, multiplies, rotates and data-dependent branches. Prints the 8-byte result and exits.
	.equ	BYTES, 64 << 20
	.equ	PASSES, 4

	.text
	.globl	_start
_start:
	adrp	x19, buffer
	add	x19, x19, :lo12:buffer
	mov	x20, #BYTES
	add	x20, x19, x20			// x20 = end of the buffer

	// Fill: xorshift64, one doubleword at a time.
	movz	x1, #0x9e37, lsl #48
	movk	x1, #0x79b9, lsl #32
	movk	x1, #0x7f4a, lsl #16
	movk	x1, #0x7c15
	mov	x2, x19
1:	eor	x1, x1, x1, lsl #13
	eor	x1, x1, x1, lsr #7
	eor	x1, x1, x1, lsl #17
	str	x1, [x2], #8
	cmp	x2, x20
	b.lo	1b

	// Mix: PASSES passes over the buffer, two doublewords a step.
	mov	x0, xzr				// the checksum
	movz	x3, #0x0100, lsl #32
	movk	x3, #0x01b3			// an odd multiplier
	mov	x4, #PASSES
2:	mov	x2, x19
3:	ldp	x5, x6, [x2], #16
	eor	x0, x0, x5
	ror	x0, x0, #23
	mul	x0, x0, x3
	tbz	x6, #0, 4f
	add	x0, x0, x6, lsr #3
	b	5f
4:	sub	x0, x0, x6
	eor	x0, x0, x6, lsl #11
5:	cmp	x2, x20
	b.lo	3b
	subs	x4, x4, #1
	b.ne	2b

	// write(1, &result, 8); exit(0)
	adrp	x1, result
	add	x1, x1, :lo12:result
	str	x0, [x1]
	mov	x0, #1
	mov	x2, #8
	mov	x8, #64
	svc	#0
	mov	x0, #0
	mov	x8, #93
	svc	#0

	.bss
	.balign	16
result:	.skip	8
	.balign	4096
buffer:	.skip	BYTES
