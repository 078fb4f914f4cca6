/*
 * a64asm generation sample: a vendor fork of the v4.4 .. v4.9 file.
 *
 * Stands for SoC-vendor trees that kept the register hand-off of v4.8 but
 * rewrote the routine in their house style: conditional branches without the
 * dot (`bne`, `beq`, `blo`), `cmp xN, #0`, register names from `.req` (some
 * built with `.irp`), constants assembled by hand with `:abs_g*:` operators,
 * and "breadcrumbs" a post-mortem tool reads from the control page after a
 * failed kexec: a packed record written with offsets that are not multiples
 * of the access size or are negative, which GNU as quietly turns into
 * stur/ldur, and `ldr x1, #0`, which loads the routine's own code as a
 * signature of the build that ran.
 *
 * Constructs: `bne`/`beq`/`blo`, `cmp x, #0`, `.req` and `.unreq`, `.req`
 * names made by `.irp`, `str`/`ldr` with unaligned and negative offsets,
 * `ldr x1, #0`, `adrp` + `add #:lo12:sym+4`, `movz`/`movk` with `:abs_g0:`,
 * `:abs_g0_s:`, `:abs_g0_nc:`, `:abs_g1:`, `:abs_g1_s:`, `:abs_g1_nc:`,
 * `:abs_g2:`, `:abs_g2_s:`, `:abs_g2_nc:`, `:abs_g3:` on constants,
 * `.equ`/`.set`, `.type sym STT_FUNC`, 4K and 64K pages.
 *
 * Hand-off: entered with x0 = kimage_head, x1 = kimage_start, x2 = dtb;
 * leaves with x0 = dtb, x1..x3 = 0.
 */

#include <linux/kexec.h>

#include <asm/kexec.h>
#include <asm/page.h>
#include <asm/crumbs.h>

/* The copy registers, cp0..cp7 = x0..x7. */
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7
	cp\n	.req	x\n
	.endr

entry	.req	x16
ptr	.req	x14
dest	.req	x13
addr	.req	x12
start	.req	x17
dtb	.req	x19
line	.req	x15
crumb	.req	x9

	.equ	CRUMB_PAGES, 0		/* offsets from crumb, the record after its tag */
	.equ	CRUMB_SIGNATURE, 4
	.set	CRUMB_LAST_DEST, 12
	.set	CRUMB_BUILD, 20
	.set	CRUMB_HANDOFF, 28
	.set	CRUMB_DTB, 36

	.text
	.globl	arm64_relocate_new_kernel
	.type	arm64_relocate_new_kernel STT_FUNC
arm64_relocate_new_kernel:
	mov	start, x1
	mov	entry, x0
	mov	dtb, x2

	adrp	crumb, .Lcrumbs
	add	crumb, crumb, #:lo12:.Lcrumbs+4

	/* A tag of CRUMB_TAG asks for the build signature. */
	ldr	w10, [crumb, #-4]
	movz	w11, #:abs_g1:CRUMB_TAG
	movk	w11, #:abs_g0_nc:CRUMB_TAG
	cmp	w10, w11
	bne	1f
	ldr	x1, #0				/* the two words right here */
	str	x1, [crumb, #CRUMB_SIGNATURE]
	movz	x1, #:abs_g3:CRUMB_BUILD_ID
	movk	x1, #:abs_g2_nc:CRUMB_BUILD_ID
	movk	x1, #:abs_g1_nc:CRUMB_BUILD_ID
	movk	x1, #:abs_g0_nc:CRUMB_BUILD_ID
	str	x1, [crumb, #CRUMB_BUILD]
	str	wzr, [crumb, #-4]		/* request served */
1:
	str	wzr, [crumb, #CRUMB_PAGES]

	/* line = D-cache line; x10 = ~(line - 1) */
	mrs	x10, ctr_el0
	ubfx	x10, x10, #16, #4
	mov	line, #4
	lsl	line, line, x10
	neg	x10, line

	/* x11 = the address bits of an entry, built by hand */
	movz	x11, #:abs_g1_s:-PAGE_SIZE
	movk	x11, #:abs_g0_nc:-PAGE_SIZE

	mov	ptr, xzr
	mov	dest, xzr
	cmp	entry, #0
	beq	.Ldone
	tbnz	entry, IND_DONE_BIT, .Ldone

.Lloop:
	and	addr, entry, x11
	tbz	entry, IND_SOURCE_BIT, .Lnot_source

	/* Invalidate the destination page to PoC, then copy into it. */
	and	x8, dest, x10
	add	x18, dest, #PAGE_SIZE
2:	dc	ivac, x8
	add	x8, x8, line
	cmp	x8, x18
	blo	2b
	dsb	sy

3:	ldp	cp0, cp1, [addr]
	ldp	cp2, cp3, [addr, #16]
	ldp	cp4, cp5, [addr, #32]
	ldp	cp6, cp7, [addr, #48]
	add	addr, addr, #64
	stnp	cp0, cp1, [dest]
	stnp	cp2, cp3, [dest, #16]
	stnp	cp4, cp5, [dest, #32]
	stnp	cp6, cp7, [dest, #48]
	add	dest, dest, #64
	tst	addr, #(PAGE_SIZE - 1)
	bne	3b

	ldr	w8, [crumb, #CRUMB_PAGES]
	add	w8, w8, #1
	str	w8, [crumb, #CRUMB_PAGES]
	str	dest, [crumb, #CRUMB_LAST_DEST]
	b	.Lnext

.Lnot_source:
	tbz	entry, IND_INDIRECTION_BIT, .Lnot_indirection
	mov	ptr, addr
	b	.Lnext
.Lnot_indirection:
	tbz	entry, IND_DESTINATION_BIT, .Lnext
	mov	dest, addr

.Lnext:
	ldr	entry, [ptr], #8
	tbz	entry, IND_DONE_BIT, .Lloop

.Ldone:
	dsb	nsh
	ic	iallu
	dsb	nsh
	isb

	/* The last crumb: handing over, with the dtb's top half as a check. */
	movz	w8, #:abs_g0:CRUMB_HANDOFF_MARK
	str	w8, [crumb, #CRUMB_HANDOFF]
	movz	x8, #:abs_g2_s:CRUMB_DTB_WINDOW
	movk	x8, #:abs_g1_nc:CRUMB_DTB_WINDOW
	movk	x8, #:abs_g0_nc:CRUMB_DTB_WINDOW
	and	x8, dtb, x8
	str	x8, [crumb, #CRUMB_DTB]
	dc	civac, crumb			/* the record's first line ... */
	add	x8, crumb, #CRUMB_DTB + 7
	dc	civac, x8			/* ... and its last, if lines are short */
	dsb	sy

	mov	x0, dtb
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	start
	.size	arm64_relocate_new_kernel, . - arm64_relocate_new_kernel

/* Read back by the post-mortem tool: a tag, then a packed record, in one cache line. */
	.align	6
.Lcrumbs:
	.word	0			/* tag, set by machine_kexec() */
	.word	0			/* +0:  pages copied */
	.quad	0			/* +4:  signature (the code at ldr x1, #0) */
	.quad	0			/* +12: last destination */
	.quad	0			/* +20: build id */
	.word	0			/* +28: handoff mark */
	.word	0
	.quad	0			/* +36: the dtb's 2M window */

	.unreq	entry
	.unreq	ptr
	.unreq	dest
	.unreq	addr
	.unreq	start
	.unreq	dtb
	.unreq	line
	.unreq	crumb

.Lcopy_end:
.org	KEXEC_CONTROL_PAGE_SIZE

.globl arm64_relocate_new_kernel_size
arm64_relocate_new_kernel_size:
	.quad	.Lcopy_end - arm64_relocate_new_kernel
