// GNU-as macros of later generations (issue 12): mov_q choosing movz/movk by the value's width through
// :abs_g*_s: operators folded on constants, mrs_s through .inst, \@, :req, :vararg, empty defaults, .ifnc
// against an empty string, .ifb/.ifnb, long parenthesised arguments, a body calling an undefined macro that is
// never expanded; relocation operators on symbols.
	.macro	mov_q, reg, val
	.if (((\val) >> 31) == 0 || ((\val) >> 31) == 0x1ffffffff)
	movz	\reg, :abs_g1_s:\val
	.else
	.if (((\val) >> 47) == 0 || ((\val) >> 47) == 0x1ffff)
	movz	\reg, :abs_g2_s:\val
	.else
	movz	\reg, :abs_g3:\val
	movk	\reg, :abs_g2_nc:\val
	.endif
	movk	\reg, :abs_g1_nc:\val
	.endif
	movk	\reg, :abs_g0_nc:\val
	.endm
	.macro	mrs_s, rt, sreg
	.inst	0xd5200000|(\sreg)|(__reg_num_\rt)
	.endm
	.irp	num,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
	.equ	__reg_num_x\num, \num
	.endr
	.equ	__reg_num_xzr, 31
	.macro	opt a:req, b=, c:vararg
	.ifnc \b,
	mov	x0, \b
	.endif
	.ifb \c
	nop
	.endif
	.ifnb \c
	add	\c
	.endif
.Lopt_\@ :
	.endm
	.macro	never_expanded
	undefined_macro_call x0
	.endm
	mov_q	x0, 0x1234
	mov_q	x1, 0x12345678
	mov_q	x2, 0x123456789a
	mov_q	x3, 0x123456789abcdef0
	mov_q	x4, -0x12345678
	mrs_s	x5, (3<<19)|(0<<16)|(1<<12)|(0<<8)|(0<<5)
	opt	1
	opt	1, #2
	opt	1, , x1, x2, x3
	opt	1, ( 1 + 2 ) * 3, x4, x5, #(3 << 2)
	movz	x0, #:abs_g1_s:-0x12345678
	movz	x0, #:abs_g0:0x1234
	movk	x0, #:abs_g0_nc:0x12345678
	movz	x0, #:abs_g2:0x123456789abc
	movz	x0, #:abs_g0_s:-5
	movn	x0, #:abs_g0_s:5
	movz	x0, #:abs_g2_s:-0x123456789abc
	movz	w0, #:abs_g1_s:-0x12345678
	movz	x0, :abs_g1_s:sym
	movz	x0, :abs_g0_s:sym
	movz	x0, :abs_g2_s:sym+4
	movz	x0, :abs_g3:sym
	movk	x0, :abs_g2_nc:sym
	movk	x0, :abs_g1:sym
	add	x0, x0, :lo12:sym
	ldr	x0, [x0, #:lo12:sym]
	adrp	x0, sym
