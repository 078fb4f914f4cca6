// every-reloc-b.s: the second half of the program every-reloc-a.s begins. It defines what a refers to and
// refers back, so that relocations run in both directions: backward branches, movn from a negative
// PC-relative group, data that points into the other object.

	.text
	.globl	b_func, b_tail
	.type	b_func, %function
b_func:
	b	a_func				// R_AARCH64_JUMP26, backward
	bl	_start				// R_AARCH64_CALL26, backward
	b.eq	a_func				// R_AARCH64_CONDBR19, backward
	tbnz	x3, #0, _start			// R_AARCH64_TSTBR14, backward
	ldr	x0, a_table			// R_AARCH64_LD_PREL_LO19
	adr	x1, a_table + 8			// R_AARCH64_ADR_PREL_LO21
	adrp	x2, a_table			// R_AARCH64_ADR_PREL_PG_HI21
	ldr	x2, [x2, :lo12:a_table + 16]	// R_AARCH64_LDST64_ABS_LO12_NC
	movz	x3, #:prel_g0:_start		// R_AARCH64_MOVW_PREL_G0 (movn: the value is negative)
	movz	x4, #:prel_g1:_start		// R_AARCH64_MOVW_PREL_G1 (movn)
	movz	x5, #:prel_g2:_start		// R_AARCH64_MOVW_PREL_G2 (movn)
	movz	x6, #:prel_g3:_start		// R_AARCH64_MOVW_PREL_G3 (movn)
	movk	x6, #:prel_g2_nc:_start		// R_AARCH64_MOVW_PREL_G2_NC
	movk	x6, #:prel_g1_nc:_start		// R_AARCH64_MOVW_PREL_G1_NC
	movk	x6, #:prel_g0_nc:_start		// R_AARCH64_MOVW_PREL_G0_NC
b_tail:
	ret
	.size	b_func, . - b_func

	// Absolute symbols, set before their use here (forward-global-equates.s has the other order).
	.globl	b_small, b_negative
	.set	b_small, 0x1234
	.set	b_negative, -0x1234

	.section .rodata, "a"
	.balign	16
	.globl	b_octa, b_quad, b_word, b_half, b_bytes
b_octa:
	.xword	0x0123456789abcdef, 0xfedcba9876543210
b_quad:
	.xword	a_table				// R_AARCH64_ABS64
	.xword	_start - .			// R_AARCH64_PREL64, negative
b_word:
	.word	_start - .			// R_AARCH64_PREL32, negative
	.word	a_func				// R_AARCH64_ABS32
b_half:
	.hword	a_func - .			// R_AARCH64_PREL16, negative
	.hword	b_small + 2			// R_AARCH64_ABS16
b_bytes:
	.byte	1, 2, 3, 4
