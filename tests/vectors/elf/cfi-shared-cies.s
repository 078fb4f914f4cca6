// CIE sharing: FDEs in two sections, a CIE taking the leading instructions, .cfi_startproc simple, unshareable first operations.
f:
	.cfi_startproc
	nop
	.cfi_def_cfa_offset 16
	.p2align 2
	.cfi_def_cfa_offset 32
	nop
	.cfi_endproc
	.section .text.g,"ax",%progbits
g:
	.cfi_startproc
	.cfi_def_cfa_offset 16
	.cfi_offset 30, -8
	nop
	.cfi_def_cfa_offset 0
	.cfi_endproc
h:
	.cfi_startproc
	.cfi_def_cfa_offset 16
	.cfi_offset 30, -8
	nop
	.cfi_endproc
	.text
k:
	.cfi_startproc simple
	.cfi_def_cfa x29, 16
	nop
	nop
	.cfi_endproc
a:
.cfi_startproc
.cfi_negate_ra_state
nop
.cfi_endproc
b:
.cfi_startproc
.cfi_negate_ra_state
nop
.cfi_endproc
c:
.cfi_startproc
.cfi_val_offset x1,8
nop
.cfi_endproc
d:
.cfi_startproc
.cfi_val_offset x1,8
nop
.cfi_endproc
e:
.cfi_startproc simple
.cfi_endproc
