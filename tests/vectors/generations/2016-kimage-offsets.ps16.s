# 0 "samples/generations/2016-kimage-offsets/relocate_kernel.S"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "samples/generations/2016-kimage-offsets/relocate_kernel.S"
# 19 "samples/generations/2016-kimage-offsets/relocate_kernel.S"
# 1 "samples/generations/2016-kimage-offsets/include/linux/kexec.h" 1
# 20 "samples/generations/2016-kimage-offsets/relocate_kernel.S" 2

# 1 "samples/generations/2016-kimage-offsets/include/asm/assembler.h" 1





 .macro dcache_line_size, reg, tmp
 mrs \tmp, ctr_el0
 ubfm \tmp, \tmp, #16, #19
 mov \reg, #4
 lsl \reg, \reg, \tmp
 .endm
# 22 "samples/generations/2016-kimage-offsets/relocate_kernel.S" 2
# 1 "samples/generations/2016-kimage-offsets/include/asm/kexec.h" 1
# 23 "samples/generations/2016-kimage-offsets/relocate_kernel.S" 2
# 1 "samples/generations/2016-kimage-offsets/include/asm/page.h" 1




# 1 "samples/generations/2016-kimage-offsets/include/linux/const.h" 1
# 6 "samples/generations/2016-kimage-offsets/include/asm/page.h" 2
# 24 "samples/generations/2016-kimage-offsets/relocate_kernel.S" 2
# 1 "samples/generations/2016-kimage-offsets/include/asm/sysreg.h" 1
# 25 "samples/generations/2016-kimage-offsets/relocate_kernel.S" 2

.globl arm64_relocate_new_kernel
arm64_relocate_new_kernel:


 mrs x0, CurrentEL
 cmp x0, #(2 << 2)
 b.ne 1f
 mrs x0, sctlr_el2
 ldr x1, =((1 << 0) | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 12))
 bic x0, x0, x1
 msr sctlr_el2, x0
 isb
1:
 ldr x18, .Lkimage_head
 dcache_line_size x17, x0
 mov x15, xzr
 mov x14, xzr

 cbz x18, .Ldone
 tbnz x18, 2, .Ldone

.Lloop:
 and x13, x18, (~((1 << 16) - 1))

.Ltest_source:
 tbz x18, 3, .Ltest_indirection

 mov x20, x14
 mov x21, x13
2: ldp x22, x23, [x21]
 ldp x24, x25, [x21, #16]
 ldp x26, x27, [x21, #32]
 ldp x28, x29, [x21, #48]
 add x21, x21, #64
 stnp x22, x23, [x20]
 stnp x24, x25, [x20, #16]
 stnp x26, x27, [x20, #32]
 stnp x28, x29, [x20, #48]
 add x20, x20, #64
 tst x21, #((1 << 16) - 1)
 b.ne 2b


 sub x1, x17, #1
 bic x0, x14, x1
3: dc civac, x0
 add x0, x0, x17
 cmp x0, x20
 b.lo 3b
 dsb sy

 add x14, x14, (1 << 16)
 b .Lnext

.Ltest_indirection:
 tbz x18, 1, .Ltest_destination
 mov x15, x13
 b .Lnext

.Ltest_destination:
 tbz x18, 0, .Lnext
 mov x14, x13

.Lnext:
 ldr x18, [x15], #8
 tbz x18, 2, .Lloop

.Ldone:
 dsb nsh
 ic iallu
 dsb nsh
 isb

 ldr x4, .Lkimage_start
 ldr x0, .Ldtb_addr
 mov x1, xzr
 mov x2, xzr
 mov x3, xzr
 br x4

.ltorg

.align 3

.Lkimage_start:
 .quad 0x0
.Lkimage_head:
 .quad 0x0
.Ldtb_addr:
 .quad 0x0

.Lcopy_end:
.org 4096

.globl arm64_relocate_new_kernel_size
arm64_relocate_new_kernel_size:
 .quad .Lcopy_end - arm64_relocate_new_kernel

.globl arm64_kexec_kimage_start_offset
arm64_kexec_kimage_start_offset:
 .quad .Lkimage_start - arm64_relocate_new_kernel

.globl arm64_kexec_kimage_head_offset
arm64_kexec_kimage_head_offset:
 .quad .Lkimage_head - arm64_relocate_new_kernel

.globl arm64_kexec_dtb_addr_offset
arm64_kexec_dtb_addr_offset:
 .quad .Ldtb_addr - arm64_relocate_new_kernel
