/*
 * a64asm generation sample: 2014 kexec for spin-table platforms.
 *
 * Stands for the 2014 postings that also moved secondary CPUs: every CPU
 * enters the routine in the control page; the first to claim the boot lock
 * (ldxr/stxr) relocates the kernel and boots it, the others wait with wfe on
 * the spin-table release address until the new kernel writes their entry.
 * The file names its branch targets with dot-labels that are not `.L`
 * (`.loop`, `.done`), so they land in the symbol table as local symbols.
 *
 * Constructs: `.loop`/`.done`-style labels, ldxr/stxr/clrex/wfe/sev,
 * `.type sym, @function`, `adr`, a macro with `:req` parameters and a
 * `\@`-free numeric loop label, 4K and 64K pages.
 *
 * Hand-off: quads patched through global symbols (kexec_kimage_head,
 * kexec_kimage_start, kexec_dtb_addr, kexec_signal_addr); the boot CPU
 * branches with x0 = dtb, x1..x3 = 0; secondaries branch to whatever
 * non-zero address appears at kexec_signal_addr, with x0 = 0.
 */

#include <asm/page.h>
#include <asm/cache.h>
#include <linux/kexec.h>

	.text
	.align	3
	.globl	relocate_new_kernel
	.type	relocate_new_kernel, @function
relocate_new_kernel:
	/* Only one CPU may walk the list: claim the lock, or wait. */
	adr	x5, kexec_boot_lock
.claim:
	ldxr	x6, [x5]
	cbnz	x6, .secondary
	mov	x6, #1
	stxr	w7, x6, [x5]
	cbnz	w7, .claim

	/* x18 = entry, x15 = entry pointer, x14 = copy destination */
	ldr	x18, kexec_kimage_head
	mov	x15, xzr
	mov	x14, xzr
	dcache_line x17, x0

	cbz	x18, .done
	tbnz	x18, IND_DONE_BIT, .done

.loop:
	and	x13, x18, #~(PAGE_SIZE - 1)
	tbz	x18, IND_SOURCE_BIT, .indirection

	/* Copy one page, then push it out to the point of coherency. */
	mov	x20, x14
	mov	x21, x13
.copy:
	ldp	x22, x23, [x21], #16
	ldp	x24, x25, [x21], #16
	stp	x22, x23, [x20], #16
	stp	x24, x25, [x20], #16
	tst	x21, #(PAGE_SIZE - 1)
	b.ne	.copy
	clean_to_poc x14, x20, x17, x0
	add	x14, x14, #PAGE_SIZE
	b	.next

.indirection:
	tbz	x18, IND_INDIRECTION_BIT, .destination
	mov	x15, x13
	b	.next

.destination:
	tbz	x18, IND_DESTINATION_BIT, .next
	mov	x14, x13

.next:
	ldr	x18, [x15], #8
	tbz	x18, IND_DONE_BIT, .loop

.done:
	dsb	sy
	ic	iallu
	dsb	sy
	isb

	/* Wake the waiting CPUs so they see the page they spin on again. */
	sev

	ldr	x4, kexec_kimage_start
	ldr	x0, kexec_dtb_addr
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x4

/*
 * Secondary CPUs: the release address is written by the new kernel once it
 * wants them. ldxr arms the exclusive monitor, so that write (or the boot
 * CPU's sev) ends the wfe.
 */
.secondary:
	clrex
	ldr	x1, kexec_signal_addr
.wait:
	wfe
	ldxr	x2, [x1]
	cbz	x2, .wait
	clrex
	mov	x0, xzr
	br	x2

	.align	3

kexec_boot_lock:
	.quad	0x0

	.globl	kexec_signal_addr
kexec_signal_addr:
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

.end_of_code:
	.size	relocate_new_kernel, .end_of_code - relocate_new_kernel

	.globl	relocate_new_kernel_size
relocate_new_kernel_size:
	.quad	.end_of_code - relocate_new_kernel
