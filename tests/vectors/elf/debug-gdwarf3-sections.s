// as: --gdwarf-3
// --gdwarf-3 with three code sections and a data section between them: one sequence and one range per code section.
	.section .text.a,"ax",@progbits
	nop
	.data
	.word	1
	.section .text.b,"ax",@progbits
	nop
	nop
	.text
	ret
	.section .text.a,"ax",@progbits
	ret
