/* a64asm sample header: assembler helpers used by relocate_kernel.S. */
#ifndef A64ASM_SAMPLE_ASM_ASSEMBLER_H
#define A64ASM_SAMPLE_ASM_ASSEMBLER_H

/*
 * dcache_line_size reg, tmp: reg = smallest D-cache line in bytes.
 * CTR_EL0.DminLine (bits [19:16]) is log2 of the line size in 4-byte words.
 */
	.macro	dcache_line_size, reg, tmp
	mrs	\tmp, ctr_el0
	ubfm	\tmp, \tmp, #16, #19
	mov	\reg, #4
	lsl	\reg, \reg, \tmp
	.endm

/*
 * icache_line_size reg, tmp: reg = smallest I-cache line in bytes (CTR_EL0.IminLine, bits [3:0]).
 */
	.macro	icache_line_size, reg, tmp
	mrs	\tmp, ctr_el0
	and	\tmp, \tmp, #0xf
	mov	\reg, #4
	lsl	\reg, \reg, \tmp
	.endm

#endif
