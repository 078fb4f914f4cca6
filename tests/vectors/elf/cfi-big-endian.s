// as: -EB
// Big-endian .eh_frame (-EB): lengths, CIE pointers, ranges and advance_loc2 operands in the target's order; personality and LSDA pointers.
	.text
pf:
	.cfi_startproc
	.cfi_personality 0x9b, DW.ref.__gxx_personality_v0
	.cfi_lsda 0x1b, .LLSDA1
	stp x29, x30, [sp, -16]!
	.cfi_def_cfa_offset 16
	nop
	.cfi_endproc
pg:
	.cfi_startproc
	.cfi_personality 0x0, pers
	.cfi_lsda 0x0, .LLSDA1
	nop
	.cfi_endproc
ph:
	.cfi_startproc
	.cfi_personality 0x9b, DW.ref.__gxx_personality_v0
	.cfi_lsda 0x1b, .LLSDA2
	nop
	.cfi_endproc
	.section .gcc_except_table,"a",@progbits
.LLSDA1:
	.byte 0xff
.LLSDA2:
	.byte 0xfe
	.hidden DW.ref.__gxx_personality_v0
	.weak DW.ref.__gxx_personality_v0
bf:
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
