// STT_TLS as GNU as gives it: every symbol of a TLS section (its mapping symbols too, and one typed %object), and an
// undefined symbol a TLS relocation names; relocations against a TLS section's local symbols keep the symbol.
.text
add x0, x0, :tprel_hi12:x
add x0, x0, :tprel_lo12_nc:x
adrp x1, :tlsdesc:y
ldr x2, [x1, :tlsdesc_lo12:y]
.tlsdesccall y
blr x2
adrp x3, :gottprel:z
ldr x3, [x3, :gottprel_lo12:z]
add x4, x4, :dtprel_lo12:w
adrp x5, :tlsgd:g
add x5, x5, :tlsgd_lo12:g
add x6, x6, :lo12:q
.type q, %object
.section .tbss,"awT",%nobits
v: .skip 4
q: .skip 8
.section .tdata,"awT"
u: .word 1
.text
add x0, x0, :tprel_lo12:v
add x0, x0, :tprel_lo12:u
