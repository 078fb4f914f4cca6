/* 2014-spin-table sample header: D-cache helpers. */
#ifndef SAMPLE_SPIN_ASM_CACHE_H
#define SAMPLE_SPIN_ASM_CACHE_H

/* reg = smallest D-cache line in bytes, from CTR_EL0.DminLine (log2 of words). */
	.macro	dcache_line, reg:req, tmp:req
	mrs	\tmp, ctr_el0
	ubfx	\tmp, \tmp, #16, #4
	mov	\reg, #4
	lsl	\reg, \reg, \tmp
	.endm

/* Clean and invalidate [start, end) to PoC; line is the line size, cur a scratch. */
	.macro	clean_to_poc, start:req, end:req, line:req, cur:req
	sub	\cur, \line, #1
	bic	\cur, \start, \cur
1:	dc	civac, \cur
	add	\cur, \cur, \line
	cmp	\cur, \end
	b.lo	1b
	dsb	sy
	.endm

#endif
