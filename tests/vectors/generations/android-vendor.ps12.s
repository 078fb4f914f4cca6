# 0 "samples/generations/android-vendor/relocate_kernel.S"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "samples/generations/android-vendor/relocate_kernel.S"
# 29 "samples/generations/android-vendor/relocate_kernel.S"
# 1 "samples/generations/android-vendor/include/asm/kexec.h" 1
# 30 "samples/generations/android-vendor/relocate_kernel.S" 2
# 1 "samples/generations/android-vendor/include/asm/page.h" 1
# 31 "samples/generations/android-vendor/relocate_kernel.S" 2
# 1 "samples/generations/android-vendor/include/asm/psci.h" 1
# 32 "samples/generations/android-vendor/relocate_kernel.S" 2
# 1 "samples/generations/android-vendor/include/linux/kexec.h" 1
# 33 "samples/generations/android-vendor/relocate_kernel.S" 2
# 40 "relocate_kernel.S.in"
 .text

 .align 2
 .globl kexec_hardboot_page
 .type kexec_hardboot_page, @function
kexec_hardboot_page:
 ldr x0, =0x9fe00000
 ret
 .size kexec_hardboot_page, . - kexec_hardboot_page

 .section .data, "aw", @progbits
 .align 3
 .globl relocate_new_kernel
relocate_new_kernel:
 ldr x10, kexec_kimage_head
 mov x11, xzr
 mov x12, xzr
 ldr x13, =64
 mrs x9, ctr_el0
 ubfx x9, x9, #16, #4
 mov x8, #4
 lsl x8, x8, x9
 cmp x8, x13
 csel x13, x8, x13, lo

 cbz x10, .Lboot
 tbnz x10, 2, .Lboot

.Lentry:
 ldr x9, =(~((1 << 12) - 1))
 and x14, x10, x9
 tbz x10, 3, .Lnot_source

 mov x15, x12
 add x16, x12, #(1 << 12)
1: ldp x17, x18, [x14], #16
 stp x17, x18, [x15], #16
 cmp x15, x16
 b.lo 1b
 mov x15, x12
2: dc civac, x15
 add x15, x15, x13
 cmp x15, x16
 b.lo 2b
 mov x12, x16
 b .Lnext

.Lnot_source:
 tbz x10, 1, .Lnot_indirection
 mov x11, x14
 b .Lnext
.Lnot_indirection:
 tbz x10, 0, .Lnext
 mov x12, x14
.Lnext:
 ldr x10, [x11], #8
 tbz x10, 2, .Lentry

.Lboot:
 dsb sy
 ic iallu
 dsb sy
 isb
 ldr x4, kexec_kimage_start
 ldr x0, kexec_dtb_addr
 b .Lhardboot

 .ltorg

.Lhardboot:

 .print "kexec: hardboot support built in"
 adr x5, kexec_hardboot
 ldr x5, [x5]
 cbz x5, .Lsoft_boot


 ldr x6, =0x9fe00000
 ldr x7, =0x4a5db007
 str w7, [x6]
 str x4, [x6, #8]
 str x0, [x6, #16]
 dc civac, x6
 dsb sy
 ldr x0, =(0x84000000 + (9))
 smc #0
 b .

 .ltorg
.Lsoft_boot:

 mov x1, xzr
 mov x2, xzr
 mov x3, xzr
 br x4

 .align 3

 .globl kexec_hardboot
kexec_hardboot:
 .quad 0x0

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

 .globl relocate_new_kernel_size
relocate_new_kernel_size:
 .quad relocate_new_kernel_end - relocate_new_kernel

 .previous
 .globl kexec_hardboot_magic
 .type kexec_hardboot_magic, @function

kexec_hardboot_magic:
 ldr w0, =0x4a5db007
 ret
 .size kexec_hardboot_magic, . - kexec_hardboot_magic


 .globl kexec_relocate_code
 .type kexec_relocate_code, @function
kexec_relocate_code:
 movz x0, #:abs_g2:relocate_new_kernel
 movk x0, #:abs_g1_nc:relocate_new_kernel
 movk x0, #:abs_g0_nc:relocate_new_kernel
 ldr x1, =relocate_new_kernel
 cmp x0, x1
 csel x0, x0, xzr, eq
 ret
 .size kexec_relocate_code, . - kexec_relocate_code
