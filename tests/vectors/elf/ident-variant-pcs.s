// .ident: GNU as's .comment (mergeable strings, an empty one first) and its section symbol where the first .ident
// stands; .variant_pcs: STO_AARCH64_VARIANT_PCS on defined, referenced and otherwise unnamed symbols.
f:
 nop
 .ident "GCC: (GNU) 12.2"
 .ident "second"
 .variant_pcs f
 .variant_pcs g
 .global h
 .variant_pcs h
 bl g
 .data
.byte 1
 .variant_pcs k
 .section .foo
 .ident "x\101"
 .byte 2
 .ident "x"
 nop
f2:
 .cfi_startproc
 nop
 .cfi_endproc
 .section .foo
g2: .byte 1
