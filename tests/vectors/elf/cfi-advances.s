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
// An alignment that adds nothing still ends the part of the frame a CIE can take.
g:
	.cfi_startproc
	.p2align 2
	.cfi_def_cfa_offset 16
	nop
	.cfi_endproc
h:
	.cfi_startproc
	.cfi_def_cfa_offset 16
	.space 4
	.cfi_offset x30, -8
	.fill 1, 4, 0
	.cfi_def_cfa_offset 32
	.org . + 4
	.cfi_def_cfa_offset 48
	nop
	.cfi_endproc
