// as: --gdwarf-5
// Functions with a size become DW_TAG_subprogram children of GNU as's unit, in symbol order: a global and a local
// one (a DW_AT_external flag byte each), the unspecified return type after them; one without .size, a weak one and
// an object are left out or flagged as GNU does.
	.text
	.global	gf
	.type	gf, %function
gf:	nop
	ret
	.size	gf, .-gf
	.type	lf, %function
lf:	nop
	.size	lf, .-lf
	.type	nosize, %function
nosize:	nop
	.weak	wf
	.type	wf, %function
wf:	nop
	nop
	nop
	.size	wf, .-wf
	.data
	.type	obj, %object
obj:	.quad	0
	.size	obj, 8
