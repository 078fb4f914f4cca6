# 0 "samples/generations/2014-spin-table/relocate_kernel.S"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "samples/generations/2014-spin-table/relocate_kernel.S"
# 21 "samples/generations/2014-spin-table/relocate_kernel.S"
# 1 "samples/generations/2014-spin-table/include/asm/page.h" 1
# 22 "samples/generations/2014-spin-table/relocate_kernel.S" 2
# 1 "samples/generations/2014-spin-table/include/asm/cache.h" 1





 .macro dcache_line, reg:req, tmp:req
 mrs \tmp, ctr_el0
 ubfx \tmp, \tmp, #16, #4
 mov \reg, #4
 lsl \reg, \reg, \tmp
 .endm


 .macro clean_to_poc, start:req, end:req, line:req, cur:req
 sub \cur, \line, #1
 bic \cur, \start, \cur
1: dc civac, \cur
 add \cur, \cur, \line
 cmp \cur, \end
 b.lo 1b
 dsb sy
 .endm
# 23 "samples/generations/2014-spin-table/relocate_kernel.S" 2
# 1 "samples/generations/2014-spin-table/include/linux/kexec.h" 1
# 24 "samples/generations/2014-spin-table/relocate_kernel.S" 2

 .text
 .align 3
 .globl relocate_new_kernel
 .type relocate_new_kernel, @function
relocate_new_kernel:

 adr x5, kexec_boot_lock
.claim:
 ldxr x6, [x5]
 cbnz x6, .secondary
 mov x6, #1
 stxr w7, x6, [x5]
 cbnz w7, .claim


 ldr x18, kexec_kimage_head
 mov x15, xzr
 mov x14, xzr
 dcache_line x17, x0

 cbz x18, .done
 tbnz x18, 2, .done

.loop:
 and x13, x18, #~((1 << 16) - 1)
 tbz x18, 3, .indirection


 mov x20, x14
 mov x21, x13
.copy:
 ldp x22, x23, [x21], #16
 ldp x24, x25, [x21], #16
 stp x22, x23, [x20], #16
 stp x24, x25, [x20], #16
 tst x21, #((1 << 16) - 1)
 b.ne .copy
 clean_to_poc x14, x20, x17, x0
 add x14, x14, #(1 << 16)
 b .next

.indirection:
 tbz x18, 1, .destination
 mov x15, x13
 b .next

.destination:
 tbz x18, 0, .next
 mov x14, x13

.next:
 ldr x18, [x15], #8
 tbz x18, 2, .loop

.done:
 dsb sy
 ic iallu
 dsb sy
 isb


 sev

 ldr x4, kexec_kimage_start
 ldr x0, kexec_dtb_addr
 mov x1, xzr
 mov x2, xzr
 mov x3, xzr
 br x4






.secondary:
 clrex
 ldr x1, kexec_signal_addr
.wait:
 wfe
 ldxr x2, [x1]
 cbz x2, .wait
 clrex
 mov x0, xzr
 br x2

 .align 3

kexec_boot_lock:
 .quad 0x0

 .globl kexec_signal_addr
kexec_signal_addr:
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

.end_of_code:
 .size relocate_new_kernel, .end_of_code - relocate_new_kernel

 .globl relocate_new_kernel_size
relocate_new_kernel_size:
 .quad .end_of_code - relocate_new_kernel
