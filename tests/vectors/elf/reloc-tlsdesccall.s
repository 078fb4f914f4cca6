// .tlsdesccall (R_AARCH64_TLSDESC_CALL at '.') and .reloc by R_AARCH64_ and BFD_RELOC_ name, at a number or a later
// label, against a symbol, a symbol plus addend, a local label or nothing; .reloc's come after the others at one offset.
.text
nop
.tlsdesccall var
blr x1
.reloc 0, R_AARCH64_NONE, 0
.reloc 4, R_AARCH64_ABS64, foo+4
.reloc .L1, BFD_RELOC_64, bar
.reloc 8, R_AARCH64_TLSDESC_CALL, baz
.L1: nop
.data
.quad 0
.reloc 0, R_AARCH64_PREL32, foo
.text
.tlsdesccall var2
blr x1
.reloc .L2, R_AARCH64_PREL32, .L1
.L2: nop
.data
.reloc 4, r_aarch64_abs32, 5
// '.' in a .reloc offset is where the directive stands (the input then ends in another section).
	.data
	.reloc ., R_AARCH64_ABS32, foo
	.word 0
	.text
	.reloc .+4, R_AARCH64_NONE
	nop
	nop
	.section .rodata
	.byte 1
