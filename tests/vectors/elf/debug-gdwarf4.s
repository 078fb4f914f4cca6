// as: --gdwarf-4
// --gdwarf-4: a version 4 line table and unit; one code section, so low_pc and high_pc (a length in DWARF 4).
	.text
f:
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp



	bl	f
	ldp	x29, x30, [sp], #16
	ret
