/* v6 sample header: assembler helpers shared by the low-level files. */
#ifndef SAMPLE_V6_ASM_ASSEMBLER_H
#define SAMPLE_V6_ASM_ASSEMBLER_H

#include <asm/page.h>
#include <asm/sysreg.h>

lr	.req	x30

/* mov_q reg, val: a 64-bit constant in as few movz/movk as its width needs. */
	.macro	mov_q, reg, val
	.if (((\val) >> 31) == 0 || ((\val) >> 31) == 0x1ffffffff)
	movz	\reg, :abs_g1_s:\val
	.else
	.if (((\val) >> 47) == 0 || ((\val) >> 47) == 0x1ffff)
	movz	\reg, :abs_g2_s:\val
	.else
	movz	\reg, :abs_g3:\val
	movk	\reg, :abs_g2_nc:\val
	.endif
	movk	\reg, :abs_g1_nc:\val
	.endif
	movk	\reg, :abs_g0_nc:\val
	.endm

/* The D-cache line size straight from CTR_EL0 (DminLine: log2 of 4-byte words). */
	.macro	raw_dcache_line_size, reg, tmp
	mrs	\tmp, ctr_el0
	ubfm	\tmp, \tmp, #16, #19
	mov	\reg, #4
	lsl	\reg, \reg, \tmp
	.endm

/*
 * dcache_by_line_op op, domain, start, end, linesz, tmp[, fixup]: `dc op` on
 * [start, end) by lines, then dsb domain; start is clobbered. With a fixup,
 * a fault in the loop is routed there through the exception table.
 */
	.macro	dcache_by_line_op op, domain, start, end, linesz, tmp, fixup
	sub	\tmp, \linesz, #1
	bic	\start, \start, \tmp
.Ldcache_op\@:
	dc	\op, \start
	add	\start, \start, \linesz
	cmp	\start, \end
	b.lo	.Ldcache_op\@
	dsb	\domain
	.ifnb	\fixup
	.pushsection	__ex_table, "a"
	.align	3
	.long	(.Ldcache_op\@ - .), (\fixup - .)
	.popsection
	.endif
	.endm

/* Some cores need an isb before the write to SCTLR that turns the MMU off. */
	.macro	pre_disable_mmu_workaround
#ifdef CONFIG_QCOM_FALKOR_ERRATUM_E1041
	isb
#endif
	.endm

/* turn_off_mmu tmp1, tmp2: MMU and caches off at EL1; the caller runs from an identity map. */
	.macro	turn_off_mmu, tmp1, tmp2
	mov_q	\tmp1, INIT_SCTLR_EL1_MMU_OFF
	pre_disable_mmu_workaround
	msr	sctlr_el1, \tmp1
	isb
	.endm

/* phys_to_ttbr ttbr, phys: a table's physical address in TTBR format. */
	.macro	phys_to_ttbr, ttbr, phys
	orr	\ttbr, \phys, \phys, lsr #46
	and	\ttbr, \ttbr, #TTBR_BADDR_MASK_52
	.endm

/*
 * break_before_make_ttbr_switch zero_page, page_table, tmp, tmp2: point TTBR1
 * at page_table, through a table with no entries (zero_page) and a TLB flush
 * so no walk sees a mix of the old and new tables.
 */
	.macro	break_before_make_ttbr_switch zero_page, page_table, tmp, tmp2
	phys_to_ttbr \tmp, \zero_page
	msr	ttbr1_el1, \tmp
	isb
	tlbi	vmalle1
	dsb	nsh
	phys_to_ttbr \tmp, \page_table
	msr	ttbr1_el1, \tmp
	isb
	.endm

/*
 * dcache_line_size reg, tmp: the system-wide line size. It reads the sanitised
 * CTR through alternatives this sample does not define; nothing here expands
 * it, and an unexpanded body may name macros that do not exist.
 */
	.macro	dcache_line_size, reg, tmp
	read_ctr	\tmp
	ubfm	\tmp, \tmp, #16, #19
	mov	\reg, #4
	lsl	\reg, \reg, \tmp
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
