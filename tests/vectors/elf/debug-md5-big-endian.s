// as: -EB --gdwarf-5
// Under --gdwarf-5 a .file N may carry an md5 checksum without a .file 0; file 0 then takes file 1's, and in a
// big-endian object the 16 bytes are written high byte first.
	.file 1 "a.c" md5 0x99112233445566778899aabbccddee00
	.file 2 "b.h"
	.text
	.loc 1 2 0
	nop
	.loc 2 5 0
	nop
