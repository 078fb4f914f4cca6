// A datum naming a label defined later, then a literal pool whose alignment pads code: GNU as makes the label's
// symbol where it is first named, so it precedes the pool's $x/$d mapping symbols in .symtab.
start:	nop
	ldr	x0, =0x1122334455667788
	.word	end - .
	.quad	later + 4
	.ltorg
end:	nop
later:	ret
