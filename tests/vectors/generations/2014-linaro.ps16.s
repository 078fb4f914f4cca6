# 0 "samples/generations/2014-linaro/relocate_kernel.S"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "samples/generations/2014-linaro/relocate_kernel.S"
# 17 "samples/generations/2014-linaro/relocate_kernel.S"
# 1 "samples/generations/2014-linaro/include/asm/page.h" 1
# 18 "samples/generations/2014-linaro/relocate_kernel.S" 2
# 1 "samples/generations/2014-linaro/include/asm/cache.h" 1
# 9 "samples/generations/2014-linaro/include/asm/cache.h"
 .macro dcache_line, reg:req, tmp:req
 mrs \tmp, ctr_el0
 ubfx \tmp, \tmp, #16, #4
 mov \reg, #4
 lsl \reg, \reg, \tmp
 .endm
# 19 "samples/generations/2014-linaro/relocate_kernel.S" 2
# 1 "samples/generations/2014-linaro/include/linux/kexec.h" 1
# 20 "samples/generations/2014-linaro/relocate_kernel.S" 2

 .equ ENTRY_FLAGS, ((1 << 16) - 1)
 .set COPY_STEP, 16

 .section .text, "ax", %progbits

 .align 3
 .globl relocate_new_kernel
 .type relocate_new_kernel, %function
relocate_new_kernel:

 ldr x10, kexec_kimage_head
 mov x11, xzr
 mov x12, xzr
 dcache_line x13, x9

 cbz x10, 9f
 tbnz x10, 2, 9f

1: and x14, x10, #~ENTRY_FLAGS

 tbz x10, 3, 4f


 mov x15, x12
 add x16, x12, #(1 << 16)
2: ldp x17, x18, [x14], #COPY_STEP
 stp x17, x18, [x15], #COPY_STEP
 cmp x15, x16
 b.lo 2b
 mov x15, x12
3: dc civac, x15
 add x15, x15, x13
 cmp x15, x16
 b.lo 3b
 mov x12, x16
 b 8f

4: tbz x10, 1, 5f
 mov x11, x14
 b 8f

5: tbz x10, 0, 8f
 mov x12, x14

8: ldr x10, [x11], #8
 tbz x10, 2, 1b

9:
 dsb sy
 ic iallu
 dsb sy
 isb

 ldr x4, kexec_kimage_start
 ldr x0, kexec_dtb_addr
 mov x1, xzr
 mov x2, xzr
 mov x3, xzr
 br x4

 .align 3

 .globl kexec_dtb_addr
kexec_dtb_addr:
 .quad 0x0

 .globl kexec_kimage_head
kexec_kimage_head:
 .quad 0x0

 .globl kexec_kimage_start
kexec_kimage_start:
 .quad 0x0

relocate_new_kernel_end:
 .size relocate_new_kernel, relocate_new_kernel_end - relocate_new_kernel

 .globl relocate_new_kernel_size
relocate_new_kernel_size:
 .quad relocate_new_kernel_end - relocate_new_kernel
