/* 2016-kimage-offsets sample header: assembler helpers. */
#ifndef SAMPLE_2016_ASM_ASSEMBLER_H
#define SAMPLE_2016_ASM_ASSEMBLER_H

/* reg = smallest D-cache line in bytes (CTR_EL0.DminLine is log2 of 4-byte words). */
	.macro	dcache_line_size, reg, tmp
	mrs	\tmp, ctr_el0
	ubfm	\tmp, \tmp, #16, #19
	mov	\reg, #4
	lsl	\reg, \reg, \tmp
	.endm

#endif
