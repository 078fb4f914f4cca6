// Mapping symbols across subsections: a section's code/data marking goes on in the order the input fills it, and
// GNU as ends each subsection's fragment list with a mark of the section's kind (kept at the end of the lowest one
// unless the next subsection starts with a symbol of its own).
	.data
	.byte 0
	.data 2
	.byte 2
	.data 1
	.byte 1
	.section .rodata.a, "a"
	.subsection 3
	.word 3
	.subsection 1
	.p2align 3
	.word 1
	.section .text.b, "ax"
	.subsection 1
	nop
	.subsection 0
	.word 0
	.subsection 2
	.byte 2
	.section .text.c, "ax"
	.word 5
	.subsection 1
	nop
	.subsection 0
	nop
	.word 6
	.section .text.d, "ax"
	.subsection 2
	.byte 1
	.subsection 1
	.byte 2
	.subsection 0
	nop
	.section .data.e, "aw"
	.subsection 1
	.byte 1
	.fill 2, 1, 3
	.subsection 0
	.space 3
	.byte 4
	// A code alignment at the end of subsection 0, where subsection 2 begins with data: the $d that begins
	// subsection 2 stays, made first.
	.section .text.f, "ax"
	nop
	.subsection 2
	.byte 129
	.subsection 0
	.balign 8
	.word 5
	.balign 8
	.subsection 2
	.byte 247
	.subsection 0
	.balign 8
	// .text, made first, gets its second subsection after .rodata.z: the end marks go in the sections' order.
	.section .rodata.z, "a"
	.subsection 1
	.byte 1
	.text
	nop
	.subsection 1
	nop
	.word 1
	.subsection 0
	nop
	.text 2
	.word 2
