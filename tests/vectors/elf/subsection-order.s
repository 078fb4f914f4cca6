// Subsections filled out of order: each section's subsections are laid out by number, each in the order it was
// filled. Branches, adr, ldr (literal) and label differences between subsections of one section are resolved at
// the joined offsets; '.', .org, .previous, .pushsection/.popsection with a subsection; relocations at joined offsets.
	.text
	.globl entry
entry:	bl slow
	cbz x0, 1f
	b done
	.subsection 2
slow:	adr x1, entry
	ldr x2, value
	tbz x3, #1, done
	ret
	.subsection 1
1:	mov x0, #1
	b.ne entry
	.word . - entry
	.word slow - .
	.pushsection .text, 3
value:	.quad 0x1122334455667788
	.quad table
	.popsection
	bl external
	.subsection 0
done:	ret
	.data 2
table:	.quad done, slow
	.data
	.word table - here
here:	.byte 1
	.data 1
	.byte 2
	.previous
	.byte 3
	.previous
	.byte 4
	.text 4
	.org 0x60
	.globl last
last:	adrp x0, table
	add x0, x0, :lo12:table
	bl entry
	.section .rodata, "a"
	.subsection 1
	.asciz "one"
	.subsection 0
	.asciz "zero"
