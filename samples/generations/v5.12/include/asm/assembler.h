/* v5.12 sample header: assembler helpers shared by the low-level files. */
#ifndef SAMPLE_V512_ASM_ASSEMBLER_H
#define SAMPLE_V512_ASM_ASSEMBLER_H

#include <asm/page.h>

lr	.req	x30
fp	.req	x29

/*
 * mov_q reg, val: load a 64-bit constant in as few movz/movk as its width
 * needs: two for a sign-extended 32-bit value, three for 48 bits, four else.
 */
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

/* zero_regs r...: clear every register named. */
	.macro	zero_regs, regs:vararg
	.ifb	\regs
	.error	"zero_regs: name at least one register"
	.endif
	.irp	r, \regs
	mov	\r, xzr
	.endr
	.endm

/* The D-cache line size straight from CTR_EL0 (DminLine: log2 of 4-byte words). */
	.macro	raw_dcache_line_size, reg, tmp
	mrs	\tmp, ctr_el0
	ubfm	\tmp, \tmp, #16, #19
	mov	\reg, #4
	lsl	\reg, \reg, \tmp
	.endm

/*
 * dcache_by_line_op op, domain, start, end, linesz, tmp[, fixup]: apply
 * `dc op` to [start, end) one line at a time, then dsb domain. start is
 * clobbered. A fixup label, when given, records the loop for the exception
 * table; callers running with the MMU off pass none.
 */
	.macro	dcache_by_line_op op:req, domain:req, start:req, end:req, linesz:req, tmp:req, fixup=
	sub	\tmp, \linesz, #1
	bic	\start, \start, \tmp
.Ldcache_op\@:
	.ifc	\op, cvap
	sys	3, c7, c12, 1, \start	/* dc cvap, named only by newer assemblers */
	.else
	dc	\op, \start
	.endif
	add	\start, \start, \linesz
	cmp	\start, \end
	b.lo	.Ldcache_op\@
	dsb	\domain
	.ifnc	\domain, sy
	.ifnc	\domain, nsh
	.warning "dcache_by_line_op: a domain other than sy or nsh may not reach the PoC"
	.endif
	.endif
	.ifnc	\fixup,
	.pushsection	__ex_table, "a"
	.align	3
	.long	(.Ldcache_op\@ - .), (\fixup - .)
	.popsection
	.endif
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
