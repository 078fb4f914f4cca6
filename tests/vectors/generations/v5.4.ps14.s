# 0 "samples/generations/v5.4/relocate_kernel.S"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "./samples/generations/v5.4/include/linux/kconfig.h" 1





# 1 "samples/generations/v5.4/include/generated/autoconf.h" 1
# 7 "./samples/generations/v5.4/include/linux/kconfig.h" 2
# 0 "<command-line>" 2
# 1 "samples/generations/v5.4/relocate_kernel.S"
# 20 "samples/generations/v5.4/relocate_kernel.S"
# 1 "samples/generations/v5.4/include/linux/kexec.h" 1
# 21 "samples/generations/v5.4/relocate_kernel.S" 2
# 1 "samples/generations/v5.4/include/linux/linkage.h" 1





# 1 "samples/generations/v5.4/include/asm/linkage.h" 1
# 7 "samples/generations/v5.4/include/linux/linkage.h" 2
# 22 "samples/generations/v5.4/relocate_kernel.S" 2

# 1 "samples/generations/v5.4/include/asm/assembler.h" 1




# 1 "samples/generations/v5.4/include/asm/cputype.h" 1
# 6 "samples/generations/v5.4/include/asm/assembler.h" 2
# 1 "samples/generations/v5.4/include/asm/page.h" 1




# 1 "samples/generations/v5.4/include/linux/const.h" 1
# 6 "samples/generations/v5.4/include/asm/page.h" 2
# 7 "samples/generations/v5.4/include/asm/assembler.h" 2
# 1 "samples/generations/v5.4/include/asm/sysreg.h" 1




# 1 "samples/generations/v5.4/include/linux/bits.h" 1
# 6 "samples/generations/v5.4/include/asm/sysreg.h" 2
# 36 "samples/generations/v5.4/include/asm/sysreg.h"
 .irp num,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
 .equ .L__reg_num_x\num, \num
 .endr
 .equ .L__reg_num_xzr, 31


 .macro mrs_s, rt, sreg
 .inst 0xd5200000|(\sreg)|(.L__reg_num_\rt)
 .endm

 .macro msr_s, sreg, rt
 .inst 0xd5000000|(\sreg)|(.L__reg_num_\rt)
 .endm
# 8 "samples/generations/v5.4/include/asm/assembler.h" 2

lr .req x30





 .macro raw_dcache_line_size, reg, tmp
 mrs \tmp, ctr_el0
 ubfm \tmp, \tmp, #16, #19
 mov \reg, #4
 lsl \reg, \reg, \tmp
 .endm






 .macro sctlr_write_workaround, tmp1:req, tmp2:req

 mrs_s \tmp1, (((3) << 19) | ((0) << 16) | ((0) << 12) | ((0) << 8) | ((0) << 5))
 ubfx \tmp2, \tmp1, #24, #8
 cmp \tmp2, #0x51
 b.ne .Lskip_\@
 ubfx \tmp2, \tmp1, #4, #12
 cmp \tmp2, #0xc00
 b.ne .Lskip_\@
 isb
.Lskip_\@ :

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
 tst \src, #((1 << 14) - 1)
 b.ne 9998b
 .endm
# 24 "samples/generations/v5.4/relocate_kernel.S" 2
# 1 "samples/generations/v5.4/include/asm/kexec.h" 1
# 25 "samples/generations/v5.4/relocate_kernel.S" 2



.globl arm64_relocate_new_kernel ; .align 4 ; arm64_relocate_new_kernel:


 mov x18, x2
 mov x17, x1
 mov x16, x0
 raw_dcache_line_size x15, x0
 mov x14, xzr
 mov x13, xzr


 mrs x0, CurrentEL
 cmp x0, #(((2)) << 2)
 b.ne 1f
 mrs_s x0, (((3) << 19) | ((4) << 16) | ((1) << 12) | ((0) << 8) | ((0) << 5))
 ldr x1, =(((((1)) << (0))) | ((((1)) << (1))) | ((((1)) << (2))) | ((((1)) << (3))) | ((((1)) << (12))))
 bic x0, x0, x1
 sctlr_write_workaround x1, x2
 msr_s (((3) << 19) | ((4) << 16) | ((1) << 12) | ((0) << 8) | ((0) << 5)), x0
 isb
1:


 tbnz x16, 2, .Ldone

.Lloop:
 and x12, x16, (~((1 << 14) - 1))


.Ltest_source:
 tbz x16, 3, .Ltest_indirection


 mov x0, x13
 add x20, x0, #(1 << 14)
 sub x1, x15, #1
 bic x0, x0, x1
2: dc ivac, x0
 add x0, x0, x15
 cmp x0, x20
 b.lo 2b
 dsb sy

 mov x20, x13
 mov x21, x12
 copy_page x20, x21, x0, x1, x2, x3, x4, x5, x6, x7


 add x13, x13, (1 << 14)
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


 mov x0, x18
 mov x1, xzr
 mov x2, xzr
 mov x3, xzr
 br x17

.ltorg

.size arm64_relocate_new_kernel, .-arm64_relocate_new_kernel

.align 3

.Lcopy_end:
.org 4096
.align 3





.globl arm64_relocate_new_kernel_size
arm64_relocate_new_kernel_size:
 .quad .Lcopy_end - arm64_relocate_new_kernel
