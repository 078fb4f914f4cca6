// "sym - ." in data: a PC-relative relocation of the datum's size (PREL16/32/64) when sym is
// undefined or in another section (then against that section's symbol plus the label's offset).
// "x" also shows .strtab sharing the bytes of "$x" as binutils does.
.text
nop
.data
d: .word ext - .
.quad ext - .
.hword ext - .
.word x - .
.quad ext
.word ext+4
.text
x: nop
