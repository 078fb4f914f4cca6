// Directive forms of every relocate_kernel.S generation (issue 12): .type without a comma and with
// @/%/STT_ types, .section with quoted names and %/@progbits, .pushsection/.popsection/.previous,
// .inst with expressions, .equ/.set symbols, code in .data, .ltorg before .org before .align.
#define UL(x) (x##UL)
#define _AC(X, Y) X
#define GENMASK(h, l) (((~0) << (l)) & (~0 >> (63 - (h))))
#define ENTRY(name) .globl name; .align 4; name:
#define ENDPROC(name) .type name, %function; .size name, .-name
	.text
ENTRY(reloc_entry)
	ldr	x1, =GENMASK(29, 4)
	ldr	x2, =(~0 >> 34)
	ldr	x3, =_AC(0x1000, UL)
ENDPROC(reloc_entry)
	.type	bare STT_NOTYPE
	.type	fn_at, @function
	.type	fn_func, STT_FUNC
bare:	nop
fn_at:	nop
fn_func: nop
	.equ	MYVAL, 0x40
	.set	OTHER, MYVAL + 4
	.inst	0xd503201f | (OTHER << 5)
	.pushsection .rodata, "a"
	.quad	1
	.popsection
	.section ".kexec_relocate.text", "ax"
	nop
	.previous
	nop
	.section .progbits_pct, "ax", %progbits
	nop
	.section .progbits_at, "ax", @progbits
	nop
	.data
in_data: mov	x0, #3
	ldr	x4, =0x1122334455667788
	.ltorg
	.org	0x100
	.align	4
	.quad	in_data
