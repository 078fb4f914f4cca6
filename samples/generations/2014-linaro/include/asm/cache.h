/* 2014-linaro sample header: cache geometry helpers for assembly. */
#ifndef SAMPLE_2014_ASM_CACHE_H
#define SAMPLE_2014_ASM_CACHE_H

/*
 * dcache_line reg, tmp: reg = bytes in the smallest D-cache line.
 * CTR_EL0.DminLine (bits 19:16) counts 4-byte words as a power of two.
 */
	.macro	dcache_line, reg:req, tmp:req
	mrs	\tmp, ctr_el0
	ubfx	\tmp, \tmp, #16, #4
	mov	\reg, #4
	lsl	\reg, \reg, \tmp
	.endm

#endif
