// .space/.skip/.zero/.fill of at least one byte mark data in any section (GNU as gives them a fill fragment);
// nothing else marks a data section. Also the section-name string table of a file with many sections.
	.data
	.word 1
	.space 4
	.fill 0, 4, 0
	.word 2
	.section .rodata.z, "a"
	.fill 5, 0, 1
	.word 6
	.section .rodata
	.space 0
	.word 3
	.fill 2, 4, 7
	.section .rodata.str1.1, "aMS", %progbits, 1
	.string "x"
	.section .kexec_relocate.text, "ax"
	adrp x0, d
	b ext
	.space 3
	nop
	.section .data.rel, "aw"
d:	.zero 8
e:	.quad ext
	.bss
	.skip 16
	.section .note.GNU-stack, "", %progbits
