// every-reloc-a.s and every-reloc-b.s: a two-object program that uses every AArch64 static relocation
// a64asm's linker applies. Each file refers to symbols the other defines, so that every use below is a
// relocation left to the linker, not a fixup the assembler resolves. The tests link the pair at
// -Ttext=0x80000 --section-start=.rodata=0x81000 and compare with GNU ld + objcopy -O binary.

	.text
	.globl	_start
	.type	_start, %function
_start:
	// branches into the other object
	b	b_func				// R_AARCH64_JUMP26
	bl	b_func				// R_AARCH64_CALL26
	b.ne	b_func				// R_AARCH64_CONDBR19
	cbz	x0, b_func			// R_AARCH64_CONDBR19
	cbnz	w1, b_tail			// R_AARCH64_CONDBR19
	tbz	x1, #3, b_func			// R_AARCH64_TSTBR14
	tbnz	w2, #31, b_tail			// R_AARCH64_TSTBR14

	// PC-relative addresses and literal loads
	ldr	x3, b_quad			// R_AARCH64_LD_PREL_LO19
	ldr	w3, b_word			// R_AARCH64_LD_PREL_LO19
	adr	x4, b_bytes			// R_AARCH64_ADR_PREL_LO21
	adr	x4, b_bytes + 3			// R_AARCH64_ADR_PREL_LO21, with an addend
	adrp	x5, b_quad			// R_AARCH64_ADR_PREL_PG_HI21
	adrp	x6, :pg_hi21_nc:b_octa		// R_AARCH64_ADR_PREL_PG_HI21_NC
	add	x5, x5, :lo12:b_quad		// R_AARCH64_ADD_ABS_LO12_NC
	ldrb	w7, [x5, :lo12:b_bytes]		// R_AARCH64_LDST8_ABS_LO12_NC
	strb	w7, [x5, :lo12:b_bytes + 1]	// R_AARCH64_LDST8_ABS_LO12_NC
	ldrh	w7, [x5, :lo12:b_half]		// R_AARCH64_LDST16_ABS_LO12_NC
	ldr	w7, [x5, :lo12:b_word]		// R_AARCH64_LDST32_ABS_LO12_NC
	ldr	x7, [x5, :lo12:b_quad]		// R_AARCH64_LDST64_ABS_LO12_NC
	ldr	q7, [x6, :lo12:b_octa]		// R_AARCH64_LDST128_ABS_LO12_NC

	// move wide, absolute: a 64-bit address in four pieces, and the checked groups
	movz	x8, #:abs_g3:b_quad		// R_AARCH64_MOVW_UABS_G3
	movk	x8, #:abs_g2_nc:b_quad		// R_AARCH64_MOVW_UABS_G2_NC
	movk	x8, #:abs_g1_nc:b_quad		// R_AARCH64_MOVW_UABS_G1_NC
	movk	x8, #:abs_g0_nc:b_quad		// R_AARCH64_MOVW_UABS_G0_NC
	movz	x9, #:abs_g0:b_small		// R_AARCH64_MOVW_UABS_G0
	movz	x9, #:abs_g1:b_quad		// R_AARCH64_MOVW_UABS_G1
	movz	x9, #:abs_g2:b_quad		// R_AARCH64_MOVW_UABS_G2
	movz	x10, #:abs_g0_s:b_negative	// R_AARCH64_MOVW_SABS_G0 (movn: the value is negative)
	movz	x10, #:abs_g1_s:b_quad		// R_AARCH64_MOVW_SABS_G1
	movn	x10, #:abs_g2_s:b_quad		// R_AARCH64_MOVW_SABS_G2 (movz: the value is positive)

	// move wide, PC-relative
	movz	x11, #:prel_g0:b_func		// R_AARCH64_MOVW_PREL_G0
	movk	x11, #:prel_g0_nc:b_func	// R_AARCH64_MOVW_PREL_G0_NC
	movz	x11, #:prel_g1:b_quad		// R_AARCH64_MOVW_PREL_G1
	movk	x11, #:prel_g1_nc:b_quad	// R_AARCH64_MOVW_PREL_G1_NC
	movz	x11, #:prel_g2:b_quad		// R_AARCH64_MOVW_PREL_G2
	movk	x11, #:prel_g2_nc:b_quad	// R_AARCH64_MOVW_PREL_G2_NC
	movz	x11, #:prel_g3:b_quad		// R_AARCH64_MOVW_PREL_G3

	// a local label in another section of this object: gas relocates against the section symbol
	adrp	x12, a_local
	add	x12, x12, :lo12:a_local
	ldr	x13, .La_hidden
	ret
	.size	_start, . - _start

	.globl	a_func
	.type	a_func, %function
a_func:
	ret
	.size	a_func, . - a_func

	.section .rodata, "a"
	.balign	16
	.globl	a_table
a_table:
	.xword	b_func				// R_AARCH64_ABS64
	.xword	b_quad + 8			// R_AARCH64_ABS64, with an addend
	.xword	b_quad - .			// R_AARCH64_PREL64
	.word	b_word				// R_AARCH64_ABS32
	.word	b_func - .			// R_AARCH64_PREL32
	.hword	b_small				// R_AARCH64_ABS16
	.hword	b_func - .			// R_AARCH64_PREL16
	.hword	b_half - . + 2			// R_AARCH64_PREL16, with an addend
	.balign	8
a_local:
	.xword	0x1122334455667788
.La_hidden:
	.xword	a_local				// R_AARCH64_ABS64 against this object's .rodata
