// ldr and ldrsw =value into every register kind, with the pool GNU as places (issue 18).
	.text
	ldrsw	x1, =0xdeadbeef
	ldrsw	x2, =-5
	ldr	w3, =0x12
	ldr	x4, =0x123456789abcdef0
	ldr	s5, =0x3f800000
	ldr	d6, =0x1122334455667788
	ldr	q7, =5
	ldrsw	x8, =0xdeadbeef
	.ltorg
	ldrsw	x9, =sym
	ldr	q10, =-1
	ldr	q11, =0x0123456789abcdef0123456789abcdef
	ldr	q12, =0xffffffffffffffffffffffffffffffff
	ldr	q13, =340282366920938463463374607431768211455
