// == and != between values of different bases (two sections, a label and a number, undefined names): GNU as
// takes them as unequal where a conditional decides at once, and a datum waits for names defined further on.
	.macro pick type
	.if \type == D
	.byte 0x0d
	.elseif \type == V
	.byte 0x56
	.else
	.byte 0xee
	.endif
	.endm
	.text
L1:	nop
L2:	nop
	pick V
	pick D
	pick Q
	.if L1 == 0
	.byte 1
	.endif
	.if L1 != 0
	.byte 2
	.endif
	.if L1 + 4 == L2
	.byte 3
	.endif
	.if U1 != U2
	.byte 4
	.endif
	.data
D1:	.byte 0
	.byte L1 == L3
	.byte L1 == W
	.byte W == 0
	.byte U3 == U4
L3 = L1
	.set W, 0
