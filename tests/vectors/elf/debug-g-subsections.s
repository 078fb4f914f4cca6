// as: -g
// -g across subsections: GNU as writes each section's rows subsection by subsection, in the order each was filled.
	.text
	nop
	.subsection 1
a1:	add x0, x0, 1
	b a0
	.subsection 0
a0:	sub x1, x1, 1
	.data 1
	.word 5
	.text 2
	ret
	.previous
	.word 6
	.previous
	mov x2, 3
