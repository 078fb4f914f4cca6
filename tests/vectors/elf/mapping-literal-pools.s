// Literal pools are data: $d at each pool. gas aligns each slot size's group first; when
// the group needs padding after data, that padding is marked $x (the section is code).
// Pools still open at the end are written last, so their symbols come after every label.
	.text
f:
	ldr w0, =0x12345678
	ldr x1, =0x1122334455667788
	.ltorg
g:
	.byte 1
	ldr w2, =5
	ldr x3, =sym
	ret
