// as: -I tests/vectors/elf
// .incbin whole, from an offset, and a slice; in code its bytes are data ($d) and the next instruction is padded.
	.data
	.incbin "incbin-data.bin"
	.incbin "incbin-data.bin", 8
	.incbin "incbin-data.bin", 2, 5
	.text
	nop
	.incbin "incbin-data.bin", 0, 3
	nop
