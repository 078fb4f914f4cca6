// .cfi_sections .debug_frame: CIE id 0xffffffff, no augmentation data, 8-byte padding, ABS32 CIE pointers and ABS64 starts.
	.cfi_sections .debug_frame
a:
	.cfi_startproc
	.cfi_def_cfa_offset 16
	nop
	.cfi_endproc
b:
	.cfi_startproc
	nop
	.cfi_endproc
c:
	.cfi_startproc
	.cfi_def_cfa_offset 16
	nop
	.cfi_endproc
d:
	.cfi_startproc
	.cfi_negate_ra_state
	.cfi_remember_state
	nop
	.cfi_restore_state
	.cfi_window_save
	.cfi_escape 0x2e, 0x10
	.cfi_val_offset x19, -24
	.cfi_register x30, x9
	.cfi_undefined x30
	.cfi_same_value x19
	.cfi_rel_offset x19, 8
	.cfi_adjust_cfa_offset 8
	.cfi_def_cfa_register x29
	.cfi_offset d8, -32
	.cfi_return_column x30
	nop
	.cfi_endproc
e:
	.cfi_startproc
	.cfi_b_key_frame
	.cfi_signal_frame
	.cfi_return_column 29
	nop
	.cfi_endproc
cf:
	.cfi_startproc
	nop
	.cfi_def_cfa_offset 16
	.p2align 2
	.cfi_def_cfa_offset 32
	nop
	.cfi_endproc
	.section .text.g,"ax",%progbits
cg:
	.cfi_startproc
	.cfi_def_cfa_offset 16
	.cfi_offset 30, -8
	nop
	.cfi_def_cfa_offset 0
	.cfi_endproc
ch:
	.cfi_startproc
	.cfi_def_cfa_offset 16
	.cfi_offset 30, -8
	nop
	.cfi_endproc
	.text
ck:
	.cfi_startproc simple
	.cfi_def_cfa x29, 16
	nop
	nop
	.cfi_endproc
