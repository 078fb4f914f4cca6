// Data and code relocations against undefined, global and other-section symbols; relocations
// against local labels name the section symbol with the label's offset as addend.
	.text
	.globl entry
entry:
	adrp x0, ext
	add x0, x0, :lo12:ext
	bl ext
	b local_label
	ldr x1, =ext + 8
local_label:
	ret
	.data
	.quad ext
	.quad entry + 4
	.word local_label
	.quad .Lhere
.Lhere:
	.section .rodata,"a"
	.quad ext - 16
