// .loc_mark_labels 1: a label in a code section gets a basic_block row that takes the pending .loc (the
// instruction after it then gets none); a label in .data gets no row.
	.text
	.loc_mark_labels 1
	.file 1 "lib/blocks.c"
	.loc 1 5
first:	nop
second:
	.loc 1 7
	nop
	.data
datum:	.word 1
	.text
third:	nop
	.loc_mark_labels 0
fourth:	nop
