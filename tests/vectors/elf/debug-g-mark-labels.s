// as: -g
// -g with .loc_mark_labels 1: each code label gets a basic_block row for its own line, even where the
// instruction after it is on the same line.
	.text
	.loc_mark_labels 1
entry:	nop
loop:
	nop
done:	b	loop
