// Symbols named like registers (issue 18): a register where the form takes one, the symbol's value where it takes a number.
	.set	s2, 11
	.set	x5, 3
	sub	x0, x1, s2
	add	x0, x1, x5
	mov	x1, s2
	.set	s2, 12
	sub	x0, x1, s2
	.rept	3
	sub	x0, x1, s2
	.set	s2, s2 + 1
	.endr
	fmov	s2, s3
