// as: -EB --gdwarf-4
// Big-endian (-EB): the line table, unit and address ranges in big-endian order; two sections, one .loc-free -g file.
	.text
	ldr	x0, =0x1122334455667788
	ret
	.section .text.more,"ax",@progbits
	nop
