# 0 "samples/generations/v6/relocate_kernel.S"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "./samples/generations/v6/include/linux/kconfig.h" 1




# 1 "samples/generations/v6/include/generated/autoconf.h" 1
# 6 "./samples/generations/v6/include/linux/kconfig.h" 2
# 0 "<command-line>" 2
# 1 "samples/generations/v6/relocate_kernel.S"
# 32 "samples/generations/v6/relocate_kernel.S"
# 1 "samples/generations/v6/include/linux/kexec.h" 1
# 33 "samples/generations/v6/relocate_kernel.S" 2
# 1 "samples/generations/v6/include/linux/linkage.h" 1





# 1 "samples/generations/v6/include/asm/linkage.h" 1
# 7 "samples/generations/v6/include/linux/linkage.h" 2
# 34 "samples/generations/v6/relocate_kernel.S" 2

# 1 "samples/generations/v6/include/asm/asm-offsets.h" 1
# 36 "samples/generations/v6/relocate_kernel.S" 2
# 1 "samples/generations/v6/include/asm/assembler.h" 1




# 1 "samples/generations/v6/include/asm/page.h" 1




# 1 "samples/generations/v6/include/linux/bits.h" 1




# 1 "samples/generations/v6/include/linux/const.h" 1
# 6 "samples/generations/v6/include/linux/bits.h" 2
# 6 "samples/generations/v6/include/asm/page.h" 2
# 6 "samples/generations/v6/include/asm/assembler.h" 2
# 1 "samples/generations/v6/include/asm/sysreg.h" 1




# 1 "samples/generations/v6/include/linux/bits.h" 1
# 6 "samples/generations/v6/include/asm/sysreg.h" 2
# 7 "samples/generations/v6/include/asm/assembler.h" 2

lr .req x30


 .macro mov_q, reg, val
 .if (((\val) >> 31) == 0 || ((\val) >> 31) == 0x1ffffffff)
 movz \reg, :abs_g1_s:\val
 .else
 .if (((\val) >> 47) == 0 || ((\val) >> 47) == 0x1ffff)
 movz \reg, :abs_g2_s:\val
 .else
 movz \reg, :abs_g3:\val
 movk \reg, :abs_g2_nc:\val
 .endif
 movk \reg, :abs_g1_nc:\val
 .endif
 movk \reg, :abs_g0_nc:\val
 .endm


 .macro raw_dcache_line_size, reg, tmp
 mrs \tmp, ctr_el0
 ubfm \tmp, \tmp, #16, #19
 mov \reg, #4
 lsl \reg, \reg, \tmp
 .endm






 .macro dcache_by_line_op op, domain, start, end, linesz, tmp, fixup
 sub \tmp, \linesz, #1
 bic \start, \start, \tmp
.Ldcache_op\@:
 dc \op, \start
 add \start, \start, \linesz
 cmp \start, \end
 b.lo .Ldcache_op\@
 dsb \domain
 .ifnb \fixup
 .pushsection __ex_table, "a"
 .align 3
 .long (.Ldcache_op\@ - .), (\fixup - .)
 .popsection
 .endif
 .endm


 .macro pre_disable_mmu_workaround

 isb

 .endm


 .macro turn_off_mmu, tmp1, tmp2
 mov_q \tmp1, ((((((1)) << (24))) | ((((1)) << (25)))) | ((((1)) << (29))) | ((((1)) << (28))) | ((((1)) << (22))) | ((((1)) << (20))) | ((((1)) << (11))))
 pre_disable_mmu_workaround
 msr sctlr_el1, \tmp1
 isb
 .endm


 .macro phys_to_ttbr, ttbr, phys
 orr \ttbr, \phys, \phys, lsr #46
 and \ttbr, \ttbr, #(((~((0))) - (((1)) << (2)) + 1) & (~((0)) >> (64 - 1 - (47))))
 .endm






 .macro break_before_make_ttbr_switch zero_page, page_table, tmp, tmp2
 phys_to_ttbr \tmp, \zero_page
 msr ttbr1_el1, \tmp
 isb
 tlbi vmalle1
 dsb nsh
 phys_to_ttbr \tmp, \page_table
 msr ttbr1_el1, \tmp
 isb
 .endm






 .macro dcache_line_size, reg, tmp
 read_ctr \tmp
 ubfm \tmp, \tmp, #16, #19
 mov \reg, #4
 lsl \reg, \reg, \tmp
 .endm


 .macro copy_page dest:req src:req t1:req t2:req t3:req t4:req t5:req t6:req t7:req t8:req
9998: ldp \t1, \t2, [\src]
 ldp \t3, \t4, [\src, #16]
 ldp \t5, \t6, [\src, #32]
 ldp \t7, \t8, [\src, #48]
 add \src, \src, #64
 stnp \t1, \t2, [\dest]
 stnp \t3, \t4, [\dest, #16]
 stnp \t5, \t6, [\dest, #32]
 stnp \t7, \t8, [\dest, #48]
 add \dest, \dest, #64
 tst \src, #((1 << 16) - 1)
 b.ne 9998b
 .endm
# 37 "samples/generations/v6/relocate_kernel.S" 2


# 1 "samples/generations/v6/include/asm/virt.h" 1
# 40 "samples/generations/v6/relocate_kernel.S" 2

.pushsection ".kexec_relocate.text", "ax"


 .globl __relocate_new_kernel_start
__relocate_new_kernel_start:

.globl arm64_relocate_new_kernel ; .align 4 ; arm64_relocate_new_kernel:





 ldr x28, [x0, #16]
 ldr x27, [x0, #352]
 ldr x26, [x0, #344]


 ldr x18, [x0, #360]
 ldr x17, [x0, #376]
 ldr x16, [x0, #8]
 ldr x22, [x0, #368]
 raw_dcache_line_size x15, x1
 break_before_make_ttbr_switch x18, x17, x1, x2
 mov x14, xzr
 mov x13, xzr
 tbnz x16, 2, .Ldone
.Lloop:
 and x12, x16, #(((~((0))) - (((1)) << (16)) + 1) & (~((0)) >> (64 - 1 - (48 - 1))))
 sub x12, x12, x22

.Ltest_source:
 tbz x16, 3, .Ltest_indirection


 mov x19, x13
 copy_page x13, x12, x1, x2, x3, x4, x5, x6, x7, x8
 add x1, x19, #(1 << 16)
 dcache_by_line_op civac, sy, x19, x1, x15, x20
 b .Lnext
.Ltest_indirection:
 tbz x16, 1, .Ltest_destination
 mov x14, x12
 b .Lnext
.Ltest_destination:
 tbz x16, 0, .Lnext
 mov x13, x12
.Lnext:
 ldr x16, [x14], #8
 tbz x16, 2, .Lloop
.Ldone:

 dsb nsh
 ic iallu
 dsb nsh
 isb
 turn_off_mmu x12, x13


 cbz x27, .Lel1
 mov x1, x28
 mov x2, x26
 mov x3, xzr
 mov x4, xzr
 mov x0, #1
 hvc #0
.Lel1:
 mov x0, x26
 mov x1, xzr
 mov x2, xzr
 mov x3, xzr
 br x28
.type arm64_relocate_new_kernel STT_NOTYPE ; .set .L__sym_size_arm64_relocate_new_kernel, .-arm64_relocate_new_kernel ; .size arm64_relocate_new_kernel, .L__sym_size_arm64_relocate_new_kernel

 .globl __relocate_new_kernel_end
__relocate_new_kernel_end:

.popsection


 .section .rodata, "a", %progbits
 .align 3
 .globl kexec_relocate_code_size
kexec_relocate_code_size:
 .quad __relocate_new_kernel_end - __relocate_new_kernel_start
