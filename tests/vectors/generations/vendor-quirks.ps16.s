# 0 "samples/generations/vendor-quirks/relocate_kernel.S"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "samples/generations/vendor-quirks/relocate_kernel.S"
# 28 "samples/generations/vendor-quirks/relocate_kernel.S"
# 1 "samples/generations/vendor-quirks/include/linux/kexec.h" 1
# 29 "samples/generations/vendor-quirks/relocate_kernel.S" 2

# 1 "samples/generations/vendor-quirks/include/asm/kexec.h" 1
# 31 "samples/generations/vendor-quirks/relocate_kernel.S" 2
# 1 "samples/generations/vendor-quirks/include/asm/page.h" 1
# 32 "samples/generations/vendor-quirks/relocate_kernel.S" 2
# 1 "samples/generations/vendor-quirks/include/asm/vendor.h" 1
# 33 "samples/generations/vendor-quirks/relocate_kernel.S" 2


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
params .req x9

 .equ PARAM_TAG, -4
 .equ PARAM_LINE, 0
 .set PARAM_DTB, 4
 .set COPY_ROUND, 64

 .text
 .globl arm64_relocate_new_kernel
 .type arm64_relocate_new_kernel STT_FUNC
arm64_relocate_new_kernel:
 mov start, x1
 mov entry, x0






 ldr x1, #0

 mov dtb, x2

 adrp params, .Lparams
 add params, params, #:lo12:.Lparams


 mrs x10, ctr_el0
 ubfx x10, x10, #16, #4
 mov line, #4
 lsl line, line, x10


 ldr w10, [params, #PARAM_TAG]
 movz w11, #:abs_g1:0x6b637275
 movk w11, #:abs_g0_nc:0x6b637275
 cmp w10, w11
 bne 1f
 ldr w10, [params, #PARAM_LINE]
 cmp x10, #0
 beq 2f
 movz w11, #:abs_g0:2048
 cmp w10, w11
 bhi 2f
 mov line, x10
2: ldr x10, [params, #PARAM_DTB]
 cmp x10, #0
 beq 1f
 movz x11, #:abs_g2_s:0x7fffffe00000
 movk x11, #:abs_g1_nc:0x7fffffe00000
 movk x11, #:abs_g0_nc:0x7fffffe00000
 cmp x10, x11
 bhs 1f
 movz x11, #:abs_g0_s:-8
 and dtb, x10, x11
1:
 neg x10, line


 movz x11, #:abs_g1_s:-(1 << 16)
 movk x11, #:abs_g0_nc:-(1 << 16)
 movz x8, #:abs_g2:0xffffffffffff
 movk x8, #:abs_g1_nc:0xffffffffffff
 movk x8, #:abs_g0_nc:0xffffffffffff
 and x11, x11, x8

 mov ptr, xzr
 mov dest, xzr
 cmp entry, #0
 beq .Ldone
 tbnz entry, 2, .Ldone

.Lloop:
 and addr, entry, x11
 tbz entry, 3, .Lnot_source


 and x8, dest, x10
 add x18, dest, #(1 << 16)
2: dc ivac, x8
 add x8, x8, line
 cmp x8, x18
 blo 2b
 dsb sy

3: add addr, addr, #COPY_ROUND
 add dest, dest, #COPY_ROUND
 ldr cp0, [addr, #-64]
 ldr cp1, [addr, #-56]
 ldr cp2, [addr, #-48]
 ldr cp3, [addr, #-40]
 ldr cp4, [addr, #-32]
 ldr cp5, [addr, #-24]
 ldr cp6, [addr, #-16]
 ldr cp7, [addr, #-8]
 str cp0, [dest, #-64]
 str cp1, [dest, #-56]
 str cp2, [dest, #-48]
 str cp3, [dest, #-40]
 str cp4, [dest, #-32]
 str cp5, [dest, #-24]
 str cp6, [dest, #-16]
 str cp7, [dest, #-8]
 tst addr, #((1 << 16) - 1)
 bne 3b
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

 mov x0, dtb
 mov x1, xzr
 mov x2, xzr
 mov x3, xzr
 br start
 .size arm64_relocate_new_kernel, . - arm64_relocate_new_kernel

 .unreq entry
 .unreq ptr
 .unreq dest
 .unreq addr
 .unreq start
 .unreq dtb
 .unreq line
 .unreq params






 .align 3
 .word 0
.Lparams:
 .word 0
 .quad 0

.Lcopy_end:
.org 4096

.globl arm64_relocate_new_kernel_size
arm64_relocate_new_kernel_size:
 .quad .Lcopy_end - arm64_relocate_new_kernel
