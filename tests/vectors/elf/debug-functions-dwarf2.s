// as: --gdwarf-2
// DWARF 2: no return type, high_pc as an address (the function's symbol plus its size), a flag byte for external.
	.text
	.global	start
	.type	start, %function
start:	bl	helper
	ret
	.size	start, .-start
	.type	helper, %function
helper:	ret
	.size	helper, .-helper
