// Call frames in subsections: an FDE whose code lies in a nonzero subsection, and one whose instructions are
// interleaved with another subsection's.
	.text
	.subsection 1
g:	.cfi_startproc
	nop
	.cfi_def_cfa_offset 32
	ret
	.cfi_endproc
	.subsection 0
	.globl f
f:	.cfi_startproc
	stp x29, x30, [sp, -16]!
	.cfi_def_cfa_offset 16
	ldp x29, x30, [sp], 16
	.cfi_def_cfa_offset 0
	ret
	.cfi_endproc
	.subsection 2
h:	.cfi_startproc
	.cfi_def_cfa_offset 16
	.subsection 0
	nop
	.subsection 2
	ret
	.cfi_endproc
