// Several sections: mapping symbols sit in their own section, in the order gas creates them
// (between the section symbols of sections opened later). .inst counts as code; an empty
// code section has no mapping symbol; .skip and .fill count as data.
	.section .text.a,"ax"
	.inst 0xd503201f
	.byte 1
	.section .empty,"ax"
	.section .text.b,"ax"
	.skip 4
	ret
	.fill 2, 4, 0xd503201f
	.text
	nop
	.previous
	nop
