/* v4.8 sample header: assembler helpers shared by the low-level files. */
#ifndef SAMPLE_V48_ASM_ASSEMBLER_H
#define SAMPLE_V48_ASM_ASSEMBLER_H

#include <asm/page.h>

/* The link register under its procedure-call-standard name. */
lr	.req	x30

/* reg = smallest D-cache line in bytes (CTR_EL0.DminLine, log2 of 4-byte words). */
	.macro	dcache_line_size, reg, tmp
	mrs	\tmp, ctr_el0
	ubfm	\tmp, \tmp, #16, #19
	mov	\reg, #4
	lsl	\reg, \reg, \tmp
	.endm

/*
 * copy_page dest src t1..t8: copy one page, 64 bytes a round. Both pointers
 * end one page further on. Non-temporal stores: the copy is not read back.
 * The parameters are separated by spaces only, as the kernel writes them.
 */
	.macro	copy_page dest:req src:req t1:req t2:req t3:req t4:req t5:req t6:req t7:req t8:req
9998:	ldp	\t1, \t2, [\src]
	ldp	\t3, \t4, [\src, #16]
	ldp	\t5, \t6, [\src, #32]
	ldp	\t7, \t8, [\src, #48]
	add	\src, \src, #64
	stnp	\t1, \t2, [\dest]
	stnp	\t3, \t4, [\dest, #16]
	stnp	\t5, \t6, [\dest, #32]
	stnp	\t7, \t8, [\dest, #48]
	add	\dest, \dest, #64
	tst	\src, #(PAGE_SIZE - 1)
	b.ne	9998b
	.endm

#endif
