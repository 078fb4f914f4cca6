// Advances of every size GNU as picks (advance_loc, _loc1, _loc2), and none over an alignment that adds nothing.
f:
	.cfi_startproc
	nop
	.p2align 2
	.cfi_def_cfa_offset 16
	.p2align 3
	.cfi_def_cfa_offset 32
	.rept 128
	nop
	.endr
	.p2align 2
	.cfi_def_cfa_offset 48
	.rept 2000
	nop
	.endr
	.p2align 2
	.cfi_def_cfa_offset 64
	.rept 128
	nop
	.endr
	.cfi_def_cfa_offset 80
	.cfi_endproc
