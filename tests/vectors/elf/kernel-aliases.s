// Register aliases and statement forms kernel headers use (issue 12): lr/fp .req, .req made by .irp,
// ';'-joined statements, a label with a space before its colon, dot-labels that are not .L, numeric labels.
lr	.req	x30
fp	.req	x29
tmp	.req	x3
tmp	.req	x3
	.irp	n,4,5
r\n	.req	x\n
	.endr
	mov	lr, fp ; mov tmp, r4 ;; add r5, r4, tmp
	.unreq	tmp
.Lskip_1 :
.loop:	sub	x0, x0, #1 ; cbnz x0, .loop
.done:	nop
9998:	b	9998b
	b	9998f
9998:	ret
