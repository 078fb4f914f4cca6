/*
 * a64asm generation sample: the later kimage-offset series (2015/16).
 *
 * Stands for the postings after samples/relocate_kernel.S: the kernel still
 * patches quads inside the copied routine at the `*_offset` symbols, but the
 * routine now also hands over the device tree, turns the EL2 caches off when
 * it runs there, cleans each copied page to PoC instead of invalidating it
 * first, and invalidates only the local I-cache. The SCTLR mask comes from a
 * literal pool that `.ltorg` places before the quads, inside the copied bytes.
 *
 * Constructs: `ldr xN, =value` with `.ltorg` before `.align`/`.org`,
 * `mrs CurrentEL`, `msr sctlr_el2`, `.org KEXEC_CONTROL_PAGE_SIZE`,
 * label-difference quads, 4K/16K/64K pages.
 *
 * Hand-off: quads at arm64_kexec_kimage_{head,start}_offset and
 * arm64_kexec_dtb_addr_offset; x0 = dtb, x1..x3 = 0.
 */

#include <linux/kexec.h>

#include <asm/assembler.h>
#include <asm/kexec.h>
#include <asm/page.h>
#include <asm/sysreg.h>

.globl arm64_relocate_new_kernel
arm64_relocate_new_kernel:

	/* At EL2 nobody else turns the caches off for us. */
	mrs	x0, CurrentEL
	cmp	x0, #CurrentEL_EL2
	b.ne	1f
	mrs	x0, sctlr_el2
	ldr	x1, =SCTLR_ELx_FLAGS
	bic	x0, x0, x1
	msr	sctlr_el2, x0
	isb
1:
	ldr	x18, .Lkimage_head		/* x18 = list entry */
	dcache_line_size x17, x0		/* x17 = D-cache line size */
	mov	x15, xzr			/* x15 = entry pointer */
	mov	x14, xzr			/* x14 = copy destination */

	cbz	x18, .Ldone
	tbnz	x18, IND_DONE_BIT, .Ldone

.Lloop:
	and	x13, x18, PAGE_MASK		/* x13 = page address */

.Ltest_source:
	tbz	x18, IND_SOURCE_BIT, .Ltest_indirection

	mov	x20, x14
	mov	x21, x13
2:	ldp	x22, x23, [x21]
	ldp	x24, x25, [x21, #16]
	ldp	x26, x27, [x21, #32]
	ldp	x28, x29, [x21, #48]
	add	x21, x21, #64
	stnp	x22, x23, [x20]
	stnp	x24, x25, [x20, #16]
	stnp	x26, x27, [x20, #32]
	stnp	x28, x29, [x20, #48]
	add	x20, x20, #64
	tst	x21, #(PAGE_SIZE - 1)
	b.ne	2b

	/* Clean the copy to PoC: the new kernel starts with caches off. */
	sub	x1, x17, #1
	bic	x0, x14, x1
3:	dc	civac, x0
	add	x0, x0, x17
	cmp	x0, x20
	b.lo	3b
	dsb	sy

	add	x14, x14, PAGE_SIZE
	b	.Lnext

.Ltest_indirection:
	tbz	x18, IND_INDIRECTION_BIT, .Ltest_destination
	mov	x15, x13
	b	.Lnext

.Ltest_destination:
	tbz	x18, IND_DESTINATION_BIT, .Lnext
	mov	x14, x13

.Lnext:
	ldr	x18, [x15], #8
	tbz	x18, IND_DONE_BIT, .Lloop

.Ldone:
	dsb	nsh
	ic	iallu
	dsb	nsh
	isb

	ldr	x4, .Lkimage_start
	ldr	x0, .Ldtb_addr
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x4

.ltorg		/* the SCTLR mask must be copied with the code */

.align 3	/* the quads below are written as 64-bit values */

.Lkimage_start:
	.quad	0x0
.Lkimage_head:
	.quad	0x0
.Ldtb_addr:
	.quad	0x0

.Lcopy_end:
.org	KEXEC_CONTROL_PAGE_SIZE

.globl arm64_relocate_new_kernel_size
arm64_relocate_new_kernel_size:
	.quad	.Lcopy_end - arm64_relocate_new_kernel

.globl arm64_kexec_kimage_start_offset
arm64_kexec_kimage_start_offset:
	.quad	.Lkimage_start - arm64_relocate_new_kernel

.globl arm64_kexec_kimage_head_offset
arm64_kexec_kimage_head_offset:
	.quad	.Lkimage_head - arm64_relocate_new_kernel

.globl arm64_kexec_dtb_addr_offset
arm64_kexec_dtb_addr_offset:
	.quad	.Ldtb_addr - arm64_relocate_new_kernel
