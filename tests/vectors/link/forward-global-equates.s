// Data naming a symbol before its .set. GNU as made each a fixup against the symbol where it was written; at the
// end it keeps the relocation when the symbol is global or weak (the link may define it otherwise), and folds a
// local one. A datum written after the definition is folded whatever the binding.
	.data
	.hword	g16				// R_AARCH64_ABS16 g16
	.word	g32 + 4				// R_AARCH64_ABS32 g32 + 4
	.xword	8 + g64				// R_AARCH64_ABS64 g64 + 8
	.xword	w64 - 2				// R_AARCH64_ABS64 w64 - 2
	.word	local32				// 0x55
	.globl	g16, g32, g64
	.weak	w64
	.set	g16, 0x1234
	.set	g32, 0x12345678
	.set	g64, -5
	.set	w64, 0x1000
	.set	local32, 0x55
	.word	g32				// 0x12345678
	.hword	g16 + 1				// 0x1235
