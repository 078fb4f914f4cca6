# 0 "samples/generations/vendor-quirks/relocate_kernel.S"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "samples/generations/vendor-quirks/relocate_kernel.S"
# 25 "samples/generations/vendor-quirks/relocate_kernel.S"
# 1 "samples/generations/vendor-quirks/include/linux/kexec.h" 1
# 26 "samples/generations/vendor-quirks/relocate_kernel.S" 2

# 1 "samples/generations/vendor-quirks/include/asm/kexec.h" 1
# 28 "samples/generations/vendor-quirks/relocate_kernel.S" 2
# 1 "samples/generations/vendor-quirks/include/asm/page.h" 1
# 29 "samples/generations/vendor-quirks/relocate_kernel.S" 2
# 1 "samples/generations/vendor-quirks/include/asm/crumbs.h" 1
# 30 "samples/generations/vendor-quirks/relocate_kernel.S" 2


 .irp n, 0, 1, 2, 3, 4, 5, 6, 7
 cp\n .req x\n
 .endr

entry .req x16
ptr .req x14
dest .req x13
addr .req x12
start .req x17
dtb .req x19
line .req x15
crumb .req x9

 .equ CRUMB_PAGES, 0
 .equ CRUMB_SIGNATURE, 4
 .set CRUMB_LAST_DEST, 12
 .set CRUMB_BUILD, 20
 .set CRUMB_HANDOFF, 28
 .set CRUMB_DTB, 36

 .text
 .globl arm64_relocate_new_kernel
 .type arm64_relocate_new_kernel STT_FUNC
arm64_relocate_new_kernel:
 mov start, x1
 mov entry, x0
 mov dtb, x2

 adrp crumb, .Lcrumbs
 add crumb, crumb, #:lo12:.Lcrumbs+4


 ldr w10, [crumb, #-4]
 movz w11, #:abs_g1:0x6b637275
 movk w11, #:abs_g0_nc:0x6b637275
 cmp w10, w11
 bne 1f
 ldr x1, #0
 str x1, [crumb, #CRUMB_SIGNATURE]
 movz x1, #:abs_g3:0x7e57000b5eed1234
 movk x1, #:abs_g2_nc:0x7e57000b5eed1234
 movk x1, #:abs_g1_nc:0x7e57000b5eed1234
 movk x1, #:abs_g0_nc:0x7e57000b5eed1234
 str x1, [crumb, #CRUMB_BUILD]
 str wzr, [crumb, #-4]
1:
 str wzr, [crumb, #CRUMB_PAGES]


 mrs x10, ctr_el0
 ubfx x10, x10, #16, #4
 mov line, #4
 lsl line, line, x10
 neg x10, line


 movz x11, #:abs_g1_s:-(1 << 12)
 movk x11, #:abs_g0_nc:-(1 << 12)

 mov ptr, xzr
 mov dest, xzr
 cmp entry, #0
 beq .Ldone
 tbnz entry, 2, .Ldone

.Lloop:
 and addr, entry, x11
 tbz entry, 3, .Lnot_source


 and x8, dest, x10
 add x18, dest, #(1 << 12)
2: dc ivac, x8
 add x8, x8, line
 cmp x8, x18
 blo 2b
 dsb sy

3: ldp cp0, cp1, [addr]
 ldp cp2, cp3, [addr, #16]
 ldp cp4, cp5, [addr, #32]
 ldp cp6, cp7, [addr, #48]
 add addr, addr, #64
 stnp cp0, cp1, [dest]
 stnp cp2, cp3, [dest, #16]
 stnp cp4, cp5, [dest, #32]
 stnp cp6, cp7, [dest, #48]
 add dest, dest, #64
 tst addr, #((1 << 12) - 1)
 bne 3b

 ldr w8, [crumb, #CRUMB_PAGES]
 add w8, w8, #1
 str w8, [crumb, #CRUMB_PAGES]
 str dest, [crumb, #CRUMB_LAST_DEST]
 b .Lnext

.Lnot_source:
 tbz entry, 1, .Lnot_indirection
 mov ptr, addr
 b .Lnext
.Lnot_indirection:
 tbz entry, 0, .Lnext
 mov dest, addr

.Lnext:
 ldr entry, [ptr], #8
 tbz entry, 2, .Lloop

.Ldone:
 dsb nsh
 ic iallu
 dsb nsh
 isb


 movz w8, #:abs_g0:0xb007
 str w8, [crumb, #CRUMB_HANDOFF]
 movz x8, #:abs_g2_s:0x7fffffe00000
 movk x8, #:abs_g1_nc:0x7fffffe00000
 movk x8, #:abs_g0_nc:0x7fffffe00000
 and x8, dtb, x8
 str x8, [crumb, #CRUMB_DTB]
 dc civac, crumb
 add x8, crumb, #CRUMB_DTB + 7
 dc civac, x8
 dsb sy

 mov x0, dtb
 mov x1, xzr
 mov x2, xzr
 mov x3, xzr
 br start
 .size arm64_relocate_new_kernel, . - arm64_relocate_new_kernel


 .align 6
.Lcrumbs:
 .word 0
 .word 0
 .quad 0
 .quad 0
 .quad 0
 .word 0
 .word 0
 .quad 0

 .unreq entry
 .unreq ptr
 .unreq dest
 .unreq addr
 .unreq start
 .unreq dtb
 .unreq line
 .unreq crumb

.Lcopy_end:
.org 4096

.globl arm64_relocate_new_kernel_size
arm64_relocate_new_kernel_size:
 .quad .Lcopy_end - arm64_relocate_new_kernel
