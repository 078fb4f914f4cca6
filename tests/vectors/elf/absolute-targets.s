// adrp and :lo12: of an absolute value (a number, an equate) leave a relocation against no symbol (*ABS*), as GNU
// as does; the other PC-relative forms take the value as an offset, and move-wide groups fold it.
.set bar, 0x12345678
.set near, 0x1234
adrp x0, bar
add x0, x0, :lo12:bar
ldr x1, [x0, :lo12:bar]
ldrb w2, [x0, :lo12:0x5679]
adrp x3, 0x5000
add x3, x3, :lo12:0x5678
adr x1, near
b near
bl 0x100
ldr x2, near
cbz x0, near
tbz x0, #1, near
b.eq near
movz x4, #:abs_g1:near
