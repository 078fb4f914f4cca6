// .cfi_sections .eh_frame, .debug_frame: both tables, .eh_frame first, each with its own CIEs.
	.cfi_sections .eh_frame, .debug_frame
	.text
	.globl f
	.type f, %function
f:
	.cfi_startproc
	stp x29, x30, [sp, #-16]!
	.cfi_def_cfa_offset 16
	.cfi_offset 29, -16
	.cfi_offset 30, -8
	mov x29, sp
	ldp x29, x30, [sp], #16
	.cfi_restore 30
	.cfi_restore 29
	.cfi_def_cfa_offset 0
	ret
	.cfi_endproc
	.size f, .-f
g:
	.cfi_startproc
	nop
	.cfi_endproc
