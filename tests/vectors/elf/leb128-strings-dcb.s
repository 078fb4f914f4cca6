// .uleb128/.sleb128 (constants, a negative unsigned one, a later label difference), .string8/16/32/64 and .dcb.*.
	.data
	.uleb128 0, 127, 128, 624485, -1
	.sleb128 -1, 63, -64, 64, -123456
	.uleb128 L2 - L1
L1:	.byte 0
L2:
	.string8 "ab"
	.string16 "ab", "c\101"
	.string32 "ab"
	.string64 "ab"
	.dcb.b 3, 7
	.dcb.w 2, 0x1234
	.dcb.l 1, 5
	.dcb 2, 1
	.dcb.d 1, 1.5
	.dcb.s 2, -0.5
	.dcb.b 0, 9
	.text
	nop
	.uleb128 300
	.dcb.b 2, 1
	.string16 "x"
	nop
