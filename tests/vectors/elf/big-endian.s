// as: -EB
// Big-endian AArch64 (-EB, issue 12): data, literal pools, fill and alignment patterns and the ELF file are
// big-endian; instructions, .inst and code alignment NOPs stay little-endian.
	.globl	start
start:	nop
	.byte	1
	.align	3
	.inst	0xd503201f
	ldr	x0, =0x1122334455667788
	ldr	w1, =0x11223344
	ldr	x2, =external
	.hword	0x1234
	.word	0x11223344
	.quad	0x1122334455667788
	.fill	2, 8, 0x11223344
	.fill	1, 2, 0x1122
	.fill	1, 3, 0x112233
	.byte	0
	.quad	. - 8
	.ltorg
end:	.word	. - start
	.data
	.byte	1
	.align	3
	.quad	end
	.balign	8, 0x55
	.hword	2, 3
	.balignl 16, 0xd503201f
	.balignw 4, 0x1234
	.2byte	0x1234
	.8byte	7
	.word	external - .
