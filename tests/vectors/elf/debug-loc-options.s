// .file N and .loc with every option GNU as 2.40 takes outside DWARF 5: files under shared and separate
// directories, columns, is_stmt, isa and discriminator, the one-row flags, views, two .locs in a row, a line
// going backwards, large line steps, and address steps that need a special opcode, DW_LNS_const_add_pc
// and DW_LNS_advance_pc. No -g: the unit is DWARF 3.
	.file 1 "src/main.c"
	.file 2 "src/util.h"
	.file 3 "include/sys/io.h"
	.file 4 "plain.c"
	.file 4 "plain.c"
	.text
	.globl	entry
entry:
	.loc 1 10 3
	mov	x0, #1
	.loc 1 11 5 prologue_end
	add	x0, x0, #2
	.loc 2 7 1 is_stmt 0
	nop
	.loc 2 8 isa 2
	nop
	.loc 1 2 0 discriminator 3 basic_block epilogue_begin
	ret
	.loc 3 100000 9 is_stmt 1
	nop
	.loc 3 99990
	nop
	.loc 4 1 0
	.loc 4 3 0
	nop
	.rept 17
	nop
	.endr
	.loc 1 20
	nop
	.rept 18
	nop
	.endr
	.loc 1 21
	nop
	.rept 300
	nop
	.endr
	.loc 1 30
	nop
	.loc 1 29 view .LVU1
	.loc 1 28 view .LVU2
	nop
	.loc 1 27 view -0
	nop
	.loc 1 26 view 0
	nop
	.section .text.other,"ax",@progbits
	.loc 2 50 2
	nop
	.byte 1, 2
	.balign 4
	.loc 2 40
	nop
	.data
	.uleb128 .LVU1
	.uleb128 .LVU2
