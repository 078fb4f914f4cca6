// Code then data in .text: $x at 0, $d where each run of data starts, $x again after it.
// A word-aligned datum needs no padding; the .byte leaves the next instruction at 5,
// so gas pads three zero bytes and marks them $d (a second $d at 5, added last) and $x at 8.
	.text
start:
	nop
	.quad 0x1122334455667788
	nop
	.word 2
	.hword 3
	.byte 4
	nop
	ret
