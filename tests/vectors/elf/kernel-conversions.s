// GNU as's quiet conversions vendor trees rely on (issue 12): b<cond> without the dot, ldr/str with an
// unaligned or negative offset become ldur/stur, ldr x1, #0, cmp x0, #0; literal pools for constants, an
// undefined symbol (R_AARCH64_ABS64) and a label; ldr of a global in the same section keeps LD_PREL_LO19;
// padding after code and after data.
	.globl	gsym
	.text
start:
	ldr	x0, =0x10
	ldr	w1, =5
	ldr	x2, =undefined_sym
	ldr	x3, gsym
	ldr	x4, =start
	str	x1, [x0, #3]
	str	x1, [x0, #-8]
	ldr	x1, [x0, #-16]
	ldr	w1, [x0, #2]
	strb	w1, [x0, #-1]
	ldr	x1, #0
	bne	start
	beq	start
	bcs	start
	bhi	start
	blo	start
	bge	start
	cmp	x0, #0
	.align	4
gsym:	.quad	0
	.byte	1
	.align	3
	nop
	.align	4
	.data
	.byte	1
	.align	3
	.quad	2
	ldr	x5, =0x99
	.byte	3
