/* v5.4 sample header: assembler helpers shared by the low-level files. */
#ifndef SAMPLE_V54_ASM_ASSEMBLER_H
#define SAMPLE_V54_ASM_ASSEMBLER_H

#include <asm/cputype.h>
#include <asm/page.h>
#include <asm/sysreg.h>

lr	.req	x30

/*
 * raw_dcache_line_size reg, tmp: the D-cache line size straight from CTR_EL0.
 * The sanitised, system-wide value may not be set up where this runs.
 */
	.macro	raw_dcache_line_size, reg, tmp
	mrs	\tmp, ctr_el0
	ubfm	\tmp, \tmp, #16, #19
	mov	\reg, #4
	lsl	\reg, \reg, \tmp
	.endm

/*
 * Workaround for a (sample) erratum: on the affected part, a write to
 * SCTLR_ELx that disables the MMU or caches must follow an isb, or it may
 * take effect before earlier system-register writes. Other parts skip it.
 */
	.macro	sctlr_write_workaround, tmp1:req, tmp2:req
#ifdef CONFIG_SAMPLE_ERRATUM_SCTLR_ISB
	mrs_s	\tmp1, SYS_MIDR_EL1
	ubfx	\tmp2, \tmp1, #MIDR_IMPLEMENTOR_SHIFT, #8
	cmp	\tmp2, #AFFECTED_IMPLEMENTOR
	b.ne	.Lskip_\@
	ubfx	\tmp2, \tmp1, #MIDR_PARTNUM_SHIFT, #12
	cmp	\tmp2, #AFFECTED_PARTNUM
	b.ne	.Lskip_\@
	isb
.Lskip_\@ :
#endif
	.endm

/* copy_page dest src t1..t8: one page, 64 bytes a round, both pointers advance. */
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
