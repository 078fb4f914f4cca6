// Subsections in the tail (a size that depends on later labels makes a64asm lay the rest out again): code after
// data at the start of a new code subsection, a data subsection and .previous back to the code one.
	.text
	nop
	.space L2 - L1
	.subsection 1
L1:	nop
L2:	nop
	.data 1
	.byte 1
	.p2align 3
	.word L2
	.previous
	nop
