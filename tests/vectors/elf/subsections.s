// .subsection N, .text N, .data N, .pushsection name, N[, flags], .previous and .popsection returning to a
// subsection, negative numbers (before anything of subsection 0): each filled in increasing order. Subsections filled
// out of order: subsection-*.s. In data sections GNU as marks the start of the next subsection with a $d when it
// writes the object, if nothing marked the section before.
	.text
	.subsection -1
start:	b 1f
	.subsection 0
	nop
	.subsection 1
1:	ret
	.pushsection .text, 2
	adr x0, start
	.popsection
	.subsection 2
	nop
	.data
	.byte 0
	.data 1
	.byte 1
lbl:	.byte 2
	.text 2
	nop
	.previous
	.byte 3
	.data 2
	.byte 4
	.p2align 2
	.word lbl
	.pushsection .rodata.sub, 1, "a"
	.byte 5
	.space 3
	.popsection
	.section .bss.sub, "aw", %nobits
	.subsection 3
	.zero 8
