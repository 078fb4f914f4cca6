// Alignment inside subsections filled out of order: .balign/.p2align pad to the joined offset (NOPs in code, the
// fill pattern or zeros elsewhere), and the mapping symbols of code padding come in address order.
	.text
	.subsection 2
	.byte 1
	.balign 16
t2:	nop
	.subsection 1
	.byte 2, 3
	.p2align 3
t1:	ret
	.subsection 0
	nop
	.byte 4
	.data 3
	.byte 5
	.balign 32, 0xee
	.byte 6
	.data 1
	.hword 7
	.p2align 2, 0xaa, 1
	.byte 8
	.data
	.byte 9
	.section .rodata
	.pushsection .rodata, 2
	.byte 10
	.p2align 4
	.popsection
	.byte 11
	.pushsection .text, 3
	b t1
	.popsection
	.previous
	.byte 12
