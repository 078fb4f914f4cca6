/*
 * a64asm generation sample: a vendor fork of the v4.4 .. v4.9 file.
 *
 * Stands for SoC-vendor trees that kept the register entry of v4.8, added
 * the device tree in x2 (as mainline did only in v5.0: the vendor's
 * machine_kexec() boots without purgatory), and rewrote the routine in their
 * house style: conditional branches without the
 * dot (`bne`, `beq`, `bhi`, `bhs`, `blo`), `cmp xN, #0`, register names from
 * `.req` (the copy registers built with `.irp`), constants assembled by hand
 * with `:abs_g*:` operators, a copy loop that advances its pointers first and
 * then loads and stores behind them (negative offsets), and a packed
 * parameter block the vendor's machine_kexec() may fill, read at offsets that
 * are not multiples of the access size. GNU as quietly turns those `ldr`/`str`
 * into ldur/stur. An erratum workaround loads from the running page with
 * `ldr x1, #0` before the first cache maintenance.
 *
 * Constructs: `bne`/`beq`/`bhi`/`bhs`/`blo`, `cmp x, #0`, `.req`/`.unreq`,
 * `.req` names made by `.irp`, `str`/`ldr` with negative and unaligned
 * offsets, `ldr x1, #0`, `adrp` + `add #:lo12:sym`, `movz`/`movk` with
 * `:abs_g0:`, `:abs_g0_s:`, `:abs_g0_nc:`, `:abs_g1:`, `:abs_g1_s:`,
 * `:abs_g1_nc:`, `:abs_g2:`, `:abs_g2_s:` on constants, `.equ`/`.set`,
 * `.type sym STT_FUNC` (no comma), 4K and 64K pages.
 *
 * Hand-off: entered with x0 = kimage_head, x1 = kimage_start, x2 = dtb;
 * leaves with x0 = dtb (or the block's override), x1..x3 = 0.
 */

#include <linux/kexec.h>

#include <asm/kexec.h>
#include <asm/page.h>
#include <asm/vendor.h>

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
params	.req	x9

	.equ	PARAM_TAG, -4		/* offsets from params, as the packed C struct has them */
	.equ	PARAM_LINE, 0
	.set	PARAM_DTB, 4
	.set	COPY_ROUND, 64

	.text
	.globl	arm64_relocate_new_kernel
	.type	arm64_relocate_new_kernel STT_FUNC
arm64_relocate_new_kernel:
	mov	start, x1
	mov	entry, x0

	/*
	 * SoC erratum: a load from this page must precede the first dc ivac.
	 * It loads 8 bytes at its own address, which must be 8-byte aligned:
	 * with the MMU off memory is Device, where an unaligned load faults.
	 */
	ldr	x1, #0

	mov	dtb, x2

	adrp	params, .Lparams
	add	params, params, #:lo12:.Lparams

	/* line = D-cache line from CTR_EL0 (DminLine, log2 of 4-byte words) */
	mrs	x10, ctr_el0
	ubfx	x10, x10, #16, #4
	mov	line, #4
	lsl	line, line, x10

	/* The vendor block, when its tag is set, may override the line and the dtb. */
	ldr	w10, [params, #PARAM_TAG]
	movz	w11, #:abs_g1:PARAMS_MAGIC
	movk	w11, #:abs_g0_nc:PARAMS_MAGIC
	cmp	w10, w11
	bne	1f
	ldr	w10, [params, #PARAM_LINE]
	cmp	x10, #0
	beq	2f
	movz	w11, #:abs_g0:LINE_MAX
	cmp	w10, w11
	bhi	2f
	mov	line, x10
2:	ldr	x10, [params, #PARAM_DTB]
	cmp	x10, #0
	beq	1f
	movz	x11, #:abs_g2_s:DTB_LIMIT
	movk	x11, #:abs_g1_nc:DTB_LIMIT
	movk	x11, #:abs_g0_nc:DTB_LIMIT
	cmp	x10, x11
	bhs	1f
	movz	x11, #:abs_g0_s:-8		/* the dtb is 8-byte aligned */
	and	dtb, x10, x11
1:
	neg	x10, line			/* x10 = ~(line - 1) */

	/* x11 = the address bits of an entry: below 2^48 and above the page offset */
	movz	x11, #:abs_g1_s:-PAGE_SIZE
	movk	x11, #:abs_g0_nc:-PAGE_SIZE
	movz	x8, #:abs_g2:PHYS_MASK
	movk	x8, #:abs_g1_nc:PHYS_MASK
	movk	x8, #:abs_g0_nc:PHYS_MASK
	and	x11, x11, x8

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

3:	add	addr, addr, #COPY_ROUND
	add	dest, dest, #COPY_ROUND
	ldr	cp0, [addr, #-64]
	ldr	cp1, [addr, #-56]
	ldr	cp2, [addr, #-48]
	ldr	cp3, [addr, #-40]
	ldr	cp4, [addr, #-32]
	ldr	cp5, [addr, #-24]
	ldr	cp6, [addr, #-16]
	ldr	cp7, [addr, #-8]
	str	cp0, [dest, #-64]
	str	cp1, [dest, #-56]
	str	cp2, [dest, #-48]
	str	cp3, [dest, #-40]
	str	cp4, [dest, #-32]
	str	cp5, [dest, #-24]
	str	cp6, [dest, #-16]
	str	cp7, [dest, #-8]
	tst	addr, #(PAGE_SIZE - 1)
	bne	3b
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

	mov	x0, dtb
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	start
	.size	arm64_relocate_new_kernel, . - arm64_relocate_new_kernel

	.unreq	entry
	.unreq	ptr
	.unreq	dest
	.unreq	addr
	.unreq	start
	.unreq	dtb
	.unreq	line
	.unreq	params

/*
 * The vendor's parameter block, a packed C struct the vendor's machine_kexec()
 * may fill before the copy: u32 tag; u32 line; u64 dtb. The tag is 8-byte
 * aligned, so the dtb field is too, though it sits at offset 4 from .Lparams.
 */
	.align	3
	.word	0			/* tag: PARAMS_MAGIC when filled */
.Lparams:
	.word	0			/* D-cache line size override, 0 = CTR_EL0's */
	.quad	0			/* dtb override, 0 = x2's */

.Lcopy_end:
.org	KEXEC_CONTROL_PAGE_SIZE

.globl arm64_relocate_new_kernel_size
arm64_relocate_new_kernel_size:
	.quad	.Lcopy_end - arm64_relocate_new_kernel
