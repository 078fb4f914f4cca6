// Data first: in .text the first datum gets $d at 0. In .data, data alone gets no mapping
// symbol at all; an instruction there makes $d at 0 (data came first) and $x where it stands.
	.text
table:
	.word 1, 2
	.ascii "ab"
	.balign 4
code:
	mov x0, #1
	.data
	.word 5
	nop
	.word 6
	.section .rodata,"a"
	.quad 7
