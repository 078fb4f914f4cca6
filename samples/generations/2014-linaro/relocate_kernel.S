/*
 * a64asm generation sample: early Linaro arm64 kexec (2014).
 *
 * Stands for the first arm64 kexec postings: the relocation routine reads the
 * kimage list head, the new kernel's entry and the device tree address from
 * quads the kernel patches through their global symbols before it copies the
 * routine into the control page. Only 4K and 64K pages existed then.
 *
 * Constructs: `.section .text, "ax", %progbits`, `.type sym, %function`,
 * `.equ` and `.set` symbols, a macro with `:req` parameters, numeric local
 * labels, `.align` in code (NOP fill) before the data quads, `.size` of an
 * expression.
 *
 * Hand-off: x0 = dtb, x1..x3 = 0, branch to kexec_kimage_start.
 */

#include <asm/page.h>
#include <asm/cache.h>
#include <linux/kexec.h>

	.equ	ENTRY_FLAGS, (PAGE_SIZE - 1)	/* low bits of an entry are flags */
	.set	COPY_STEP, 16			/* bytes per ldp/stp pair */

	.section .text, "ax", %progbits

	.align	3
	.globl	relocate_new_kernel
	.type	relocate_new_kernel, %function
relocate_new_kernel:
	/* x10 = entry, x11 = entry pointer, x12 = copy destination */
	ldr	x10, kexec_kimage_head
	mov	x11, xzr
	mov	x12, xzr
	dcache_line x13, x9			/* x13 = D-cache line size */

	cbz	x10, 9f				/* no list at all */
	tbnz	x10, IND_DONE_BIT, 9f		/* empty list: nothing to move */

1:	and	x14, x10, #~ENTRY_FLAGS		/* x14 = page address of the entry */

	tbz	x10, IND_SOURCE_BIT, 4f

	/* Source page: copy it to x12, then clean the copy to PoC. */
	mov	x15, x12
	add	x16, x12, #PAGE_SIZE
2:	ldp	x17, x18, [x14], #COPY_STEP
	stp	x17, x18, [x15], #COPY_STEP
	cmp	x15, x16
	b.lo	2b
	mov	x15, x12
3:	dc	civac, x15
	add	x15, x15, x13
	cmp	x15, x16
	b.lo	3b
	mov	x12, x16			/* destination moves on a page */
	b	8f

4:	tbz	x10, IND_INDIRECTION_BIT, 5f
	mov	x11, x14			/* the next entries are in this page */
	b	8f

5:	tbz	x10, IND_DESTINATION_BIT, 8f
	mov	x12, x14			/* copies go here from now on */

8:	ldr	x10, [x11], #8
	tbz	x10, IND_DONE_BIT, 1b

9:	/* The copied kernel must be what the CPU fetches. */
	dsb	sy
	ic	iallu
	dsb	sy
	isb

	ldr	x4, kexec_kimage_start
	ldr	x0, kexec_dtb_addr
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x4

	.align	3	/* the quads below are 64-bit and patched as such */

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
	.size	relocate_new_kernel, relocate_new_kernel_end - relocate_new_kernel

	.globl	relocate_new_kernel_size
relocate_new_kernel_size:
	.quad	relocate_new_kernel_end - relocate_new_kernel
