// Alignment: in code without a fill the padding is NOPs ($x where it starts when data came
// before; odd bytes before the first NOP are $d). With a fill, or in a data section, the
// padding takes the section's kind. A mapping symbol left at the end of a section goes.
	.text
	.ascii "abc"
	.balign 8
	nop
	.balign 16, 0
	.word 1
	.p2align 3
	nop
	.byte 9
	.align 2
	.data
	.word 1
	.align 4
	.word 2
