// Frames across a tail (a .skip and a .uleb128 sized by later labels): the advances use the settled places,
// and the labels those directives name come before their mapping symbols, as GNU as makes them.
f:
	.cfi_startproc
	stp x29, x30, [sp, #-16]!
	.cfi_def_cfa_offset 16
	.skip L2 - L1
	.cfi_offset 30, -8
	nop
L1:	nop
	nop
L2:
	.cfi_def_cfa_offset 0
	ret
	.cfi_endproc
g:
	.cfi_startproc
	.uleb128 L4 - L3
	.cfi_def_cfa_offset 32
L3:	.quad 0
L4:	.cfi_endproc
