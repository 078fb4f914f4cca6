/*
 * a64asm generation sample: the struct-kimage rework (posted for v5.12,
 * merged in v5.15 form).
 *
 * Stands for the files that take a `struct kimage *` in x0 and read every
 * parameter from it at offsets asm-offsets.h provides (KIMAGE_HEAD,
 * KIMAGE_START, KIMAGE_ARCH_DTB_MEM, KIMAGE_ARCH_EL2_VECTORS). Constants are
 * loaded with mov_q, which picks a movz/movk sequence by the value's width,
 * and a kernel that was entered at EL2 is restarted there with an hvc to the
 * EL2 vectors the old kernel left in place. A crash kernel, already in place,
 * enters at the inner label that only boots.
 *
 * Constructs: SYM_CODE_START/END and SYM_INNER_LABEL (with an empty
 * alignment argument), mov_q with `:abs_g1_s:`, `:abs_g2_s:`, `:abs_g3:`,
 * `:abs_g2_nc:`, `:abs_g1_nc:`, `:abs_g0_nc:` on constants, `>>` in `.if`,
 * a `:vararg` macro looping with `.irp` and checking it with `.ifb` and
 * `.error`, a macro with an empty default (`fixup=`) tested with
 * `.ifnc \fixup,`, nested `.ifnc` guarding a `.warning`, `.ifc`, `\@`
 * labels, `lr .req x30` and `fp .req x29`, `hvc #0`, 4K/16K/64K pages.
 *
 * Hand-off: entered with x0 = struct kimage *; leaves for the new kernel with
 * x0 = dtb, x1..x3 = 0 (EL1), or hvc #0 with x0 = HVC_SOFT_RESTART,
 * x1 = entry, x2 = dtb, x3 = x4 = 0 (EL2).
 */

#include <linux/kexec.h>
#include <linux/linkage.h>

#include <asm/asm-offsets.h>
#include <asm/assembler.h>
#include <asm/kexec.h>
#include <asm/page.h>
#include <asm/virt.h>

SYM_CODE_START(arm64_relocate_new_kernel)
	/* x0 = struct kimage *, kept for the hand-off */
	ldr	x16, [x0, #KIMAGE_HEAD]		/* x16 = kimage_head */
	raw_dcache_line_size x15, x1		/* x15 = dcache line size */
	mov_q	x22, ENTRY_ADDR_MASK		/* x22 = address bits of an entry */
	zero_regs x13, x14			/* x14 = entry ptr, x13 = copy dest */

	/* Check if the new image needs relocation. */
	tbnz	x16, IND_DONE_BIT, .Ldone

.Lloop:
	and	x12, x16, x22			/* x12 = addr */

.Ltest_source:
	tbz	x16, IND_SOURCE_BIT, .Ltest_indirection

	mov	x19, x13			/* x19 = start of this copy */
	copy_page x13, x12, x1, x2, x3, x4, x5, x6, x7, x8
	add	x1, x19, #PAGE_SIZE
	dcache_by_line_op civac, sy, x19, x1, x15, x20
	b	.Lnext

.Ltest_indirection:
	tbz	x16, IND_INDIRECTION_BIT, .Ltest_destination
	mov	x14, x12			/* ptr = addr */
	b	.Lnext

.Ltest_destination:
	tbz	x16, IND_DESTINATION_BIT, .Lnext
	mov	x13, x12			/* dest = addr */

.Lnext:
	ldr	x16, [x14], #8			/* entry = *ptr++ */
	tbz	x16, IND_DONE_BIT, .Lloop	/* while (!(entry & DONE)) */

.Ldone:
	/* wait for writes from copy_page to finish */
	dsb	nsh
	ic	iallu
	dsb	nsh
	isb

/* A crash kernel is loaded in place: machine_kexec() comes straight here. */
SYM_INNER_LABEL(arm64_relocate_new_kernel_boot, SYM_L_GLOBAL)
	ldr	x4, [x0, #KIMAGE_ARCH_EL2_VECTORS]
	cbz	x4, .Lel1

	/* Entered at EL2: the stub's vectors restart the new kernel there. */
	ldr	x1, [x0, #KIMAGE_START]
	ldr	x2, [x0, #KIMAGE_ARCH_DTB_MEM]
	zero_regs x3, x4
	mov_q	x0, HVC_SOFT_RESTART
	hvc	#0

.Lel1:
	ldr	x4, [x0, #KIMAGE_START]
	ldr	x0, [x0, #KIMAGE_ARCH_DTB_MEM]
	zero_regs x1, x2, x3
	br	x4
SYM_CODE_END(arm64_relocate_new_kernel)

.align 3	/* To keep the 64-bit values below naturally aligned. */

.Lcopy_end:
.org	KEXEC_CONTROL_PAGE_SIZE

/*
 * arm64_relocate_new_kernel_size - Number of bytes to copy to the
 * control_code_page.
 */
.globl arm64_relocate_new_kernel_size
arm64_relocate_new_kernel_size:
	.quad	.Lcopy_end - arm64_relocate_new_kernel
