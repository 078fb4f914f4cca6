// .cfi_personality and .cfi_lsda: PC-relative indirect and absolute encodings, CIEs told apart by personality and LSDA encoding.
	.text
f:
	.cfi_startproc
	.cfi_personality 0x9b, DW.ref.__gxx_personality_v0
	.cfi_lsda 0x1b, .LLSDA1
	stp x29, x30, [sp, -16]!
	.cfi_def_cfa_offset 16
	nop
	.cfi_endproc
g:
	.cfi_startproc
	.cfi_personality 0x0, pers
	.cfi_lsda 0x0, .LLSDA1
	nop
	.cfi_endproc
h:
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
