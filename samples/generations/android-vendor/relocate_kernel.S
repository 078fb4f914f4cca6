/*
 * a64asm generation sample: an Android vendor tree (3.10/3.18 era).
 *
 * Stands for the kexec ports carried in device kernels: the routine sits in
 * `.data` so the kernel can patch its quads through the linear map without
 * touching read-only text, loads its constants with `ldr xN, =value` from
 * literal pools it places with `.ltorg`, and carries a "hardboot" block:
 * when kexec_hardboot is set, it leaves the entry point and dtb in a page
 * the bootloader keeps across a warm reset, then resets the board through
 * PSCI, and the bootloader starts the new kernel. A helper in .text tells C
 * where that page is; its pool lands at the end of .text.
 *
 * The vendor generates this file from a template and keeps `#line` so
 * messages name the template.
 *
 * Constructs: code in `.section .data, "aw", @progbits`, `.previous`,
 * `ldr xN, =value` with `.ltorg` in the middle and a pool at a section's
 * end, `ldr x0, =symbol` and `:abs_g2:`/`:abs_g1_nc:`/`:abs_g0_nc:` on a
 * symbol (relocations ld resolves), `#line`, `.print` (once),
 * `#ifdef CONFIG_KEXEC_HARDBOOT` (from -D), `adr` to local data, `smc #0`,
 * `b .`, 4K pages only.
 *
 * Hand-off: quads patched through global symbols (kexec_kimage_head,
 * kexec_kimage_start, kexec_dtb_addr, kexec_hardboot); x0 = dtb, x1..x3 = 0,
 * or, with kexec_hardboot set, a PSCI SYSTEM_RESET with the hardboot page
 * holding KEXEC_HB_PAGE_MAGIC, the entry and the dtb.
 */

#include <asm/kexec.h>
#include <asm/page.h>
#include <asm/psci.h>
#include <linux/kexec.h>

#line 40 "relocate_kernel.S.in"
	.text
/* u64 kexec_hardboot_page(void): the page the bootloader reads after the reset. */
	.align	2
	.globl	kexec_hardboot_page
	.type	kexec_hardboot_page, @function
kexec_hardboot_page:
	ldr	x0, =KEXEC_HB_PAGE_ADDR
	ret
	.size	kexec_hardboot_page, . - kexec_hardboot_page

	.section .data, "aw", @progbits
	.align	3
	.globl	relocate_new_kernel
relocate_new_kernel:
	ldr	x10, kexec_kimage_head		/* x10 = entry */
	mov	x11, xzr			/* x11 = entry pointer */
	mov	x12, xzr			/* x12 = copy destination */
	ldr	x13, =LINE_SIZE_FALLBACK	/* x13 = D-cache line, at least */
	mrs	x9, ctr_el0
	ubfx	x9, x9, #16, #4
	mov	x8, #4
	lsl	x8, x8, x9
	cmp	x8, x13
	csel	x13, x8, x13, lo		/* the smaller line is always safe */

	cbz	x10, .Lboot
	tbnz	x10, IND_DONE_BIT, .Lboot

.Lentry:
	ldr	x9, =PAGE_MASK
	and	x14, x10, x9			/* x14 = page address */
	tbz	x10, IND_SOURCE_BIT, .Lnot_source

	mov	x15, x12
	add	x16, x12, #PAGE_SIZE
1:	ldp	x17, x18, [x14], #16
	stp	x17, x18, [x15], #16
	cmp	x15, x16
	b.lo	1b
	mov	x15, x12
2:	dc	civac, x15
	add	x15, x15, x13
	cmp	x15, x16
	b.lo	2b
	mov	x12, x16
	b	.Lnext

.Lnot_source:
	tbz	x10, IND_INDIRECTION_BIT, .Lnot_indirection
	mov	x11, x14
	b	.Lnext
.Lnot_indirection:
	tbz	x10, IND_DESTINATION_BIT, .Lnext
	mov	x12, x14
.Lnext:
	ldr	x10, [x11], #8
	tbz	x10, IND_DONE_BIT, .Lentry

.Lboot:
	dsb	sy
	ic	iallu
	dsb	sy
	isb
	ldr	x4, kexec_kimage_start
	ldr	x0, kexec_dtb_addr
	b	.Lhardboot

	.ltorg		/* PAGE_MASK and the line size, inside the copied bytes */

.Lhardboot:
#ifdef CONFIG_KEXEC_HARDBOOT
	.print	"kexec: hardboot support built in"
	adr	x5, kexec_hardboot
	ldr	x5, [x5]
	cbz	x5, .Lsoft_boot

	/* The bootloader boots from the hardboot page after the reset. */
	ldr	x6, =KEXEC_HB_PAGE_ADDR
	ldr	x7, =KEXEC_HB_PAGE_MAGIC
	str	w7, [x6]
	str	x4, [x6, #8]
	str	x0, [x6, #16]
	dc	civac, x6
	dsb	sy
	ldr	x0, =PSCI_0_2_FN_SYSTEM_RESET
	smc	#0
	b	.				/* PSCI does not come back */

	.ltorg
.Lsoft_boot:
#endif
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x4

	.align	3

	.globl	kexec_hardboot
kexec_hardboot:
	.quad	0x0

	.globl	kexec_dtb_addr
kexec_dtb_addr:
	.quad	0x0

	.globl	kexec_kimage_head
kexec_kimage_head:
	.quad	0x0

	.globl	kexec_kimage_start
kexec_kimage_start:
	.quad	0x0

relocate_new_kernel_end:

	.globl	relocate_new_kernel_size
relocate_new_kernel_size:
	.quad	relocate_new_kernel_end - relocate_new_kernel

	.previous		/* the rest of this file is text again */
	.globl	kexec_hardboot_magic
	.type	kexec_hardboot_magic, @function
/* u32 kexec_hardboot_magic(void): what the bootloader looks for. */
kexec_hardboot_magic:
	ldr	w0, =KEXEC_HB_PAGE_MAGIC
	ret
	.size	kexec_hardboot_magic, . - kexec_hardboot_magic

/* void *kexec_relocate_code(void): where the routine to copy was linked, two ways the same. */
	.globl	kexec_relocate_code
	.type	kexec_relocate_code, @function
kexec_relocate_code:
	movz	x0, #:abs_g2:relocate_new_kernel
	movk	x0, #:abs_g1_nc:relocate_new_kernel
	movk	x0, #:abs_g0_nc:relocate_new_kernel
	ldr	x1, =relocate_new_kernel
	cmp	x0, x1
	csel	x0, x0, xzr, eq			/* 0 if the link went wrong */
	ret
	.size	kexec_relocate_code, . - kexec_relocate_code
