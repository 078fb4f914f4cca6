# 0 "samples/generations/v5.12/relocate_kernel.S"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "samples/generations/v5.12/relocate_kernel.S"
# 26 "samples/generations/v5.12/relocate_kernel.S"
# 1 "samples/generations/v5.12/include/linux/kexec.h" 1
# 27 "samples/generations/v5.12/relocate_kernel.S" 2
# 1 "samples/generations/v5.12/include/linux/linkage.h" 1





# 1 "samples/generations/v5.12/include/asm/linkage.h" 1
# 7 "samples/generations/v5.12/include/linux/linkage.h" 2
# 28 "samples/generations/v5.12/relocate_kernel.S" 2

# 1 "samples/generations/v5.12/include/asm/asm-offsets.h" 1
# 30 "samples/generations/v5.12/relocate_kernel.S" 2
# 1 "samples/generations/v5.12/include/asm/assembler.h" 1




# 1 "samples/generations/v5.12/include/asm/page.h" 1




# 1 "samples/generations/v5.12/include/linux/const.h" 1
# 6 "samples/generations/v5.12/include/asm/page.h" 2
# 6 "samples/generations/v5.12/include/asm/assembler.h" 2

lr .req x30
fp .req x29





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


 .macro zero_regs, regs:vararg
 .ifb \regs
 .error "zero_regs: name at least one register"
 .endif
 .irp r, \regs
 mov \r, xzr
 .endr
 .endm


 .macro raw_dcache_line_size, reg, tmp
 mrs \tmp, ctr_el0
 ubfm \tmp, \tmp, #16, #19
 mov \reg, #4
 lsl \reg, \reg, \tmp
 .endm







 .macro dcache_by_line_op op:req, domain:req, start:req, end:req, linesz:req, tmp:req, fixup=
 sub \tmp, \linesz, #1
 bic \start, \start, \tmp
.Ldcache_op\@:
 .ifc \op, cvap
 sys 3, c7, c12, 1, \start
 .else
 dc \op, \start
 .endif
 add \start, \start, \linesz
 cmp \start, \end
 b.lo .Ldcache_op\@
 dsb \domain
 .ifnc \domain, sy
 .ifnc \domain, nsh
 .warning "dcache_by_line_op: a domain other than sy or nsh may not reach the PoC"
 .endif
 .endif
 .ifnc \fixup,
 .pushsection __ex_table, "a"
 .align 3
 .long (.Ldcache_op\@ - .), (\fixup - .)
 .popsection
 .endif
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
 tst \src, #((1 << 12) - 1)
 b.ne 9998b
 .endm
# 31 "samples/generations/v5.12/relocate_kernel.S" 2
# 1 "samples/generations/v5.12/include/asm/kexec.h" 1
# 32 "samples/generations/v5.12/relocate_kernel.S" 2

# 1 "samples/generations/v5.12/include/asm/virt.h" 1
# 34 "samples/generations/v5.12/relocate_kernel.S" 2

.globl arm64_relocate_new_kernel ; .align 4 ; arm64_relocate_new_kernel:

 ldr x16, [x0, #8]
 raw_dcache_line_size x15, x1
 mov_q x22, (((((1)) << 48) - 1) & (~((1 << 12) - 1)))
 zero_regs x13, x14


 tbnz x16, 2, .Ldone

.Lloop:
 and x12, x16, x22

.Ltest_source:
 tbz x16, 3, .Ltest_indirection

 mov x19, x13
 copy_page x13, x12, x1, x2, x3, x4, x5, x6, x7, x8
 add x1, x19, #(1 << 12)
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


.type arm64_relocate_new_kernel_boot STT_NOTYPE ; .globl arm64_relocate_new_kernel_boot ; ; arm64_relocate_new_kernel_boot:
 ldr x4, [x0, #344]
 cbz x4, .Lel1


 ldr x1, [x0, #16]
 ldr x2, [x0, #336]
 zero_regs x3, x4
 mov_q x0, 1
 hvc #0

.Lel1:
 ldr x4, [x0, #16]
 ldr x0, [x0, #336]
 zero_regs x1, x2, x3
 br x4
.type arm64_relocate_new_kernel STT_NOTYPE ; .set .L__sym_size_arm64_relocate_new_kernel, .-arm64_relocate_new_kernel ; .size arm64_relocate_new_kernel, .L__sym_size_arm64_relocate_new_kernel

.align 3

.Lcopy_end:
.org 4096





.globl arm64_relocate_new_kernel_size
arm64_relocate_new_kernel_size:
 .quad .Lcopy_end - arm64_relocate_new_kernel
