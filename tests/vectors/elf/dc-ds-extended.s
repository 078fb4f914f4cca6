// The Motorola-style data names: .dc.* values (.dc.x in the 10-byte x87 extended format, rounded to nearest even;
// GNU's own scale below the normal range and the carry into the exponent just under it), .ds.* items (12 bytes for
// .ds.x/.ds.p, a fill value sign-extended), .dcb.x with and without a value (10 and 12 bytes). In .data a zero or
// byte-wide fill is a fill fragment (mapping symbol $d) and a wider non-zero one plain data (none), as GNU as does.
	.data
	.dc.x 1.5, -2, 0.1, 0f3.25, 1e300, 2.5e-300, 123456789012345678901234567890
	.dc.x 1.18973149535723176502e+4932, 1e-4940, 9.2e-4952, 3.36210314311209350626e-4932, 0, -0
	.dcb.x 2, 1.5
	.dcb.x 2
	.ds.x 1, 5
	.ds.x 1, -1
	.ds.p 2
	.ds 2
	.ds.b 2, 7
	.ds.w 2, 0x1234
	.ds.l 1
	.ds.s 1
	.ds.d 1, -2
	.dc 1, 2
	.dc.b 1
	.dc.w 1
	.dc.l 1
	.dc.a 1, sym
	.dc.s 1.5
	.dc.d 1.5
	.section .rodata.wide, "a"
	.dcb.w 2, 1
	.dcb.d 2, 1.0
	.text
	nop
	.dc.x 1.5
	nop
	.ds.w 1, 3
	.ds.b 1
	nop
