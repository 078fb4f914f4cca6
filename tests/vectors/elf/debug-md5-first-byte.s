// as: --gdwarf-5
// GNU as 2.40 writes the DW_LNCT_MD5 column only when some checksum's first byte as written is not zero; here every
// checksum ends in 00, the low byte, which a little-endian object writes first, so the table has no md5 column.
	.file 1 "a.c" md5 0x99112233445566778899aabbccddee00
	.file 2 "b.h" md5 0xab000000000000000000000000000000
	.text
	.loc 1 2 0
	nop
	.loc 2 5 0
	nop
