namespace A64Asm.Verifier.Tests.Conventions;

/// <summary>
/// Small relocation routines written here, one per hand-off convention, with the constructs each generation uses
/// (a size quad after the code; x18 keeping the DTB; a struct kimage read through x0 in .kexec_relocate.text, a TTBR1
/// switch and turning the MMU off). 4K pages. Each takes the text of its last lines so a test can plant a mistake.
/// </summary>
internal static class Programs
{
    // Walks the list in x16 (head) and copies each source page to its destination: x14 = entry pointer, x13 = next
    // destination, x12 = page address; x22 is subtracted from every page address (the v5.15 phys-to-virt step, 0 elsewhere).
    const string WalkAndCopy = """
            mov     x14, xzr
            mov     x13, xzr
            tbnz    x16, #2, .Ldone
        .Lloop:
            and     x12, x16, #0xfffffffffffff000
            sub     x12, x12, x22
            tbz     x16, #3, .Lnot_source
            mov     x20, x13
            add     x21, x12, #4096
        1:  ldp     x4, x5, [x12], #16
            stp     x4, x5, [x20], #16
            cmp     x12, x21
            b.lo    1b
            mov     x19, x13
        2:  dc      civac, x19
            add     x19, x19, #64
            cmp     x19, x20
            b.lo    2b
            dsb     sy
            mov     x13, x20
            b       .Lnext
        .Lnot_source:
            tbz     x16, #1, .Lnot_indirection
            mov     x14, x12
            b       .Lnext
        .Lnot_indirection:
            tbz     x16, #0, .Lnext
            mov     x13, x12
        .Lnext:
            ldr     x16, [x14], #8
            tbz     x16, #2, .Lloop
        .Ldone:
            dsb     nsh
            ic      iallu
            dsb     nsh
            isb

        """;

    /// <summary>The end of the 2014 programs: the globals the kernel patches before the copy (dtb, kimage head and
    /// start) and the size quad that marks the code.</summary>
    const string PatchedWordsAndSize = """
        .globl kexec_dtb_addr
        kexec_dtb_addr: .quad 0
        .globl kexec_kimage_head
        kexec_kimage_head: .quad 0
        .globl kexec_kimage_start
        kexec_kimage_start: .quad 0
        relocate_new_kernel_end:
        .globl relocate_new_kernel_size
        relocate_new_kernel_size:
            .quad   relocate_new_kernel_end - relocate_new_kernel

        """;

    public const string NewKernelX0ToX3 = """
            mov     x0, x18
            mov     x1, xzr
            mov     x2, xzr
            mov     x3, xzr
            br      x17

        """;

    /// <summary>v5.0 to v5.14: head in x0, start in x1, the DTB in x2 kept in x18; the size quad marks the code.</summary>
    public static string RegsDtb(string exit = NewKernelX0ToX3) => $"""
        .text
        .globl arm64_relocate_new_kernel
        arm64_relocate_new_kernel:
            mov     x18, x2
            mov     x17, x1
            mov     x16, x0
            mov     x22, xzr
        {WalkAndCopy}{exit}
        .Lcopy_end:
            .align 3
        .globl arm64_relocate_new_kernel_size
        arm64_relocate_new_kernel_size:
            .quad   .Lcopy_end - arm64_relocate_new_kernel

        """;

    /// <summary>v4.8 to v4.20: head in x0, start in x1, nothing read from x2; x0 to x3 zero for purgatory.</summary>
    public static string Regs() => RegsDtb().Replace("    mov     x18, x2\n", "    mov     x18, xzr\n");

    /// <summary>The 2014 postings: the kernel patches quads inside the code through their global symbols, DTB included.</summary>
    public static string PatchedGlobals(string dtbSlot = "kexec_dtb_addr") => $"""
        .text
        .globl relocate_new_kernel
        relocate_new_kernel:
            ldr     x16, kexec_kimage_head
            ldr     x17, kexec_kimage_start
            ldr     x18, {dtbSlot}
            mov     x22, xzr
        {WalkAndCopy}{NewKernelX0ToX3}
            .align 3
        {PatchedWordsAndSize}
        """;

    /// <summary>
    /// The 2014 spin-table postings: as <see cref="PatchedGlobals"/>, and every CPU enters; the entry claims the word at
    /// .Lboot_lock with ldxr/stxr, the losers wait. <paramref name="afterClaim"/> runs once the lock is taken.
    /// </summary>
    public static string SpinTable(string afterClaim = "") => $"""
        .text
        .globl relocate_new_kernel
        relocate_new_kernel:
            adr     x5, .Lboot_lock
        .Lclaim:
            ldxr    x6, [x5]
            cbnz    x6, .Lsecondary
            mov     x6, #1
            stxr    w7, x6, [x5]
            cbnz    w7, .Lclaim
        {afterClaim}
            ldr     x16, kexec_kimage_head
            ldr     x17, kexec_kimage_start
            ldr     x18, kexec_dtb_addr
            mov     x22, xzr
        {WalkAndCopy}{NewKernelX0ToX3}
        .Lsecondary:
            wfe
            b       .Lsecondary
            .align 3
        .Lboot_lock: .quad 0
        .Lspare: .quad 0
        {PatchedWordsAndSize}
        """;

    public const string KimageHeader = """
        /* struct kimage field offsets, as an asm-offsets.h gives them */
        #define KIMAGE_HEAD 72 /* offsetof(struct kimage, head) */
        #define KIMAGE_START 64 /* offsetof(struct kimage, start) */
        #define KIMAGE_ARCH_DTB_MEM 0x230
        #define KIMAGE_ARCH_EL2_VECTORS 0x238
        #define KIMAGE_ARCH_ZERO_PAGE 0x240
        #define KIMAGE_ARCH_PHYS_OFFSET 0x248
        #define KIMAGE_ARCH_TTBR1 0x250

        """;

    public const string TurnOffMmu = """
            movz    x12, #0x0800
            movk    x12, #0x30d0, lsl #16
            msr     sctlr_el1, x12
            isb

        """;

    /// <summary>
    /// v5.15 on: x0 = struct kimage, everything read from it first; TTBR1 switched through the zero page; the code in
    /// .kexec_relocate.text after other code in .text; the MMU turned off before the branch, or before hvc #0 to the EL2
    /// stub's soft restart (x0 = 1, x1 = entry, x2 = dtb, x3 = x4 = 0) when KIMAGE_ARCH_EL2_VECTORS is set.
    /// </summary>
    public static string KimageStruct(string mmuOff = TurnOffMmu, string dtbField = "KIMAGE_ARCH_DTB_MEM", string stubX3 = "    mov     x3, xzr\n") => $"""
        #include "kimage.h"
        .text
        .globl other_code
        other_code:
            ret
        .pushsection ".kexec_relocate.text", "ax"
        .globl arm64_relocate_new_kernel
        arm64_relocate_new_kernel:
            ldr     x17, [x0, #KIMAGE_START]
            ldr     x27, [x0, #KIMAGE_ARCH_EL2_VECTORS]
            ldr     x18, [x0, #{dtbField}]
            ldr     x23, [x0, #KIMAGE_ARCH_ZERO_PAGE]
            ldr     x24, [x0, #KIMAGE_ARCH_TTBR1]
            ldr     x16, [x0, #KIMAGE_HEAD]
            ldr     x22, [x0, #KIMAGE_ARCH_PHYS_OFFSET]
            msr     ttbr1_el1, x23
            isb
            tlbi    vmalle1
            dsb     nsh
            isb
            msr     ttbr1_el1, x24
            isb
        {WalkAndCopy}{mmuOff}    cbz     x27, .Lel1
            mov     x1, x17
            mov     x2, x18
        {stubX3}    mov     x4, xzr
            mov     x0, #1
            hvc     #0
        .Lel1:
        {NewKernelX0ToX3}.popsection

        """;
}
