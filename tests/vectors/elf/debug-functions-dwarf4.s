// as: --gdwarf-4
// DWARF 4 with only global functions: DW_AT_external as flag_present (no byte), high_pc as a length. Enough of them
// that the return type's offset needs two ULEB128 bytes in every reference.
	.text
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8
	.global	func\n
	.type	func\n, %function
func\n:	nop
	ret
	.size	func\n, .-func\n
	.endr
