// clang's DWARF 5 file table: every .file carries an md5 checksum, which becomes a DW_LNCT_MD5 column (DW_FORM_data16,
// low byte first). A file given none gets zero; only the low 128 bits of a wider number are kept.
	.file 0 "/work/app" "main.c" md5 0x0f1e2d3c4b5a69788796a5b4c3d2e1f0
	.file 1 "main.c" md5 0x0f1e2d3c4b5a69788796a5b4c3d2e1f0
	.file 2 "include" "util.h" md5 0xfedcba98765432100123456789abcdef
	.file 3 "/usr/include/stdio.h"
	.file 4 "extra.h" md5 0x1ffffffffffffffff0000000000000002
	.text
	.loc 1 4 0
	mov	x0, #1
	.loc 2 9 3 prologue_end
	add	x0, x0, #2
	.loc 3 100 1
	nop
	.loc 4 1 1
	ret
