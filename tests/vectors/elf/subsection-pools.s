// Literal pools per subsection: ldr =value takes a slot in its own subsection's pool, .ltorg places that pool
// only, and what is left at the end goes to the end of each subsection (GNU as places them in the reverse order of
// the pools' first literals, which decides the order of their mapping symbols).
	.text
f0:	ldr x0, =0x1122334455667788
	ldr w1, =0x99
	.subsection 2
f2:	ldr x2, =0x1122334455667788
	ldr x3, =f0
	b f0
	.subsection 1
f1:	ldr w4, =0xabcdef
	.ltorg
	nop
	ldr x5, =0x5555
	.subsection 0
	adr x6, f2
	ldr x7, =0x77
	.data 3
	.quad f1
	.data 1
d1:	.word 7
	.p2align 3
	.byte 9
	.data
	.word d1 - .
	.byte 1
