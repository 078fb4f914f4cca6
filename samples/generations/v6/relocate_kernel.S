/*
 * a64asm generation sample: mainline v5.15 .. v6.x.
 *
 * Stands for the current files: the routine lives in its own section,
 * `.kexec_relocate.text`, which the kernel's linker script brackets with
 * __relocate_new_kernel_start/_end and machine_kexec() copies whole; the
 * kernel is built from it with `objcopy -j`. It is entered with the MMU on
 * (an identity map in TTBR0, a copy of the linear map put into TTBR1 with
 * break-before-make), copies through the linear map, then turns the MMU off
 * itself (turn_off_mmu, with the pre_disable_mmu_workaround hook) and leaves
 * at EL1 or through the EL2 stub. Masks are GENMASK(), whose `~0 >> n` is a
 * logical shift of a 64-bit value.
 *
 * Constructs: `.pushsection ".kexec_relocate.text", "ax"`/`.popsection`,
 * `.section .rodata, "a", %progbits`, GENMASK with `~UL(0) >> (63 - h)`,
 * _AC()/UL()/BIT(), `__AARCH64EB__` choosing SCTLR_EL1.EE/E0E, mov_q on a
 * long parenthesised expression, `.ifnb \fixup`, `\@`, a macro whose body
 * calls a macro never defined (never expanded), SYM_CODE_START/END,
 * tlbi/ttbr1 writes, `hvc #0`, the kbuild command line (`-nostdinc`,
 * `-isystem`, `-mabi=lp64`, `-include`), 4K/16K/64K pages, built
 * big-endian too.
 *
 * Hand-off: entered at EL1 with the MMU on and x0 = struct kimage * (its
 * linear-map address, read through TTBR1); the fields at KIMAGE_* offsets
 * are all read at entry, before any page is copied or the MMU turned off;
 * pages are reached at pa - KIMAGE_ARCH_PHYS_OFFSET through TTBR1 =
 * KIMAGE_ARCH_TTBR1. Leaves with
 * the MMU off: x0 = dtb, x1..x3 = 0 (EL1), or hvc #0 with x0 =
 * HVC_SOFT_RESTART, x1 = entry, x2 = dtb, x3 = x4 = 0 (EL2).
 */

#include <linux/kexec.h>
#include <linux/linkage.h>

#include <asm/asm-offsets.h>
#include <asm/assembler.h>
#include <asm/page.h>
#include <asm/sysreg.h>
#include <asm/virt.h>

.pushsection    ".kexec_relocate.text", "ax"

/* The kernel's linker script defines this pair; this sample links without it. */
	.globl	__relocate_new_kernel_start
__relocate_new_kernel_start:

SYM_CODE_START(arm64_relocate_new_kernel)
	/*
	 * x0 is the structure's linear-map address: once the MMU is off it
	 * means nothing, and the copy may overwrite the structure anyway. Take
	 * every field the exit needs into a register first.
	 */
	ldr	x28, [x0, #KIMAGE_START]	/* x28 = new kernel entry */
	ldr	x27, [x0, #KIMAGE_ARCH_EL2_VECTORS]	/* x27 = 0 unless EL2 */
	ldr	x26, [x0, #KIMAGE_ARCH_DTB_MEM]	/* x26 = dtb address */

	/* Setup the list loop variables. */
	ldr	x18, [x0, #KIMAGE_ARCH_ZERO_PAGE] /* x18 = zero page for BBM */
	ldr	x17, [x0, #KIMAGE_ARCH_TTBR1]	/* x17 = linear map copy */
	ldr	x16, [x0, #KIMAGE_HEAD]		/* x16 = kimage_head */
	ldr	x22, [x0, #KIMAGE_ARCH_PHYS_OFFSET]	/* x22 = phys_offset */
	raw_dcache_line_size x15, x1		/* x15 = dcache line size */
	break_before_make_ttbr_switch x18, x17, x1, x2	/* set linear map */
	mov	x14, xzr			/* x14 = entry ptr */
	mov	x13, xzr			/* x13 = copy dest */
	tbnz	x16, IND_DONE_BIT, .Ldone	/* nothing to relocate */
.Lloop:
	and	x12, x16, #ENTRY_ADDR_MASK	/* x12 = addr */
	sub	x12, x12, x22			/* Convert x12 to virt */
	/* Test the entry flags. */
.Ltest_source:
	tbz	x16, IND_SOURCE_BIT, .Ltest_indirection

	/* Copy the page, then clean and invalidate it to PoC. */
	mov	x19, x13
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
	turn_off_mmu x12, x13

	/* Start new image. */
	cbz	x27, .Lel1
	mov	x1, x28				/* relocation start */
	mov	x2, x26				/* dtb address */
	mov	x3, xzr
	mov	x4, xzr
	mov	x0, #HVC_SOFT_RESTART
	hvc	#0				/* Jumps from el2 */
.Lel1:
	mov	x0, x26				/* dtb address */
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x28				/* Jumps from el1 */
SYM_CODE_END(arm64_relocate_new_kernel)

	.globl	__relocate_new_kernel_end
__relocate_new_kernel_end:

.popsection

/* Outside the copied section: how much machine_kexec() copies. */
	.section .rodata, "a", %progbits
	.align	3
	.globl	kexec_relocate_code_size
kexec_relocate_code_size:
	.quad	__relocate_new_kernel_end - __relocate_new_kernel_start
