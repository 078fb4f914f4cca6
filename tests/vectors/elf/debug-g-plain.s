// as: -g
// -g on a file without .loc: a row per instruction line of this file, of the included file (its own lines), and
// of each macro use (the line that uses it); a DWARF 2 unit over a version 3 line table, with .debug_ranges
// for the two code sections.
	.macro	pair a, b
	mov	\a, #1
	mov	\b, #2
	.endm

	.text
	.globl	start
start:
	mov	x0, #1
	pair	x1, x2
	nop; nop
	.include "debug-included.inc"
	.inst	0xd503201f
	.word	5
	.balign	16
	ret

	.data
	.quad	start

	.section .text.cold,"ax",@progbits
	.rept	3
	nop
	.endr
	b	start
