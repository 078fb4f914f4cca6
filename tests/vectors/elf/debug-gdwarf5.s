// as: --gdwarf-5
// --gdwarf-5: a version 5 line table (directory and file 0, names in .debug_line_str) and unit, with
// .debug_rnglists for the two code sections; rows from this file and the included one.
	.text
	.globl	main5
main5:
	mov	x0, #3
	.include "debug-included.inc"
	ret
	.section .text.unlikely,"ax",@progbits
	nop
	.balign	16
	ret
