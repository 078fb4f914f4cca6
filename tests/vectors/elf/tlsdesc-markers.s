// .tlsdescadd, .tlsdescldr and .tlsdesccall: R_AARCH64_TLSDESC_ADD/_LDR/_CALL on the instruction after each, against
// an undefined symbol, a symbol plus or minus a number, and a local label (its section symbol plus its offset); one
// marker before a detour to another section, and one whose instruction's own relocation at the same place comes
// after it (a :lo12: one: a TLS operator would make the symbol STT_TLS, which a64asm does not
// do yet). (GNU as 2.40 fails with "internal error: fixup not contained within frag" when nothing follows a marker
// in its section; a64asm refuses that with its own message, see RelocationDirectiveTests.)
	.text
lbl:	nop
	.tlsdescadd lbl
	add x0, x0, #0
	.tlsdescldr lbl+8
	ldr x1, [x0]
	.tlsdescldr w
	ldr x1, [x0, :lo12:w]
	.tlsdescadd w
	add x0, x0, :lo12:w
	.tlsdesccall var+4
	blr x1
	.tlsdesccall var-4
	blr x1
	.globl g
g:	.tlsdescadd g
	nop
	.tlsdescadd y
	.data
	.word 0
	.tlsdescldr z
	.word 0
	.text
	add x0, x0, #0
	.tlsdescldr later
	ldr x1, [x0]
later:	nop
