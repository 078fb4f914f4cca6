// .subsection N, .text N, .data N, .pushsection name, N[, flags], .previous and .popsection returning to a
// subsection, negative numbers: each filled in increasing order, as a64asm lays them out (it refuses to fill one
// after a higher one of its section, see SubsectionTests). In data sections GNU as marks a new nonzero subsection
// with a $d, made when it writes the object unless the section's next alignment or fill fragment takes it.
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
