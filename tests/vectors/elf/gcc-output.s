// gcc -O2 -S -mbranch-protection=pac-ret+b-key -fasynchronous-unwind-tables output of a small C file: .file (STT_FILE),
// .cfi_* with .cfi_b_key_frame/.cfi_negate_ra_state, .ident, .section .note.GNU-stack.
	.arch armv8-a
	.file	"c1.c"
	.text
	.align	2
	.p2align 4,,11
	.global	f
	.type	f, %function
f:
.LFB0:
	.cfi_startproc
	.cfi_b_key_frame
	hint	27 // pacibsp
	.cfi_window_save
	stp	x29, x30, [sp, -64]!
	.cfi_def_cfa_offset 64
	.cfi_offset 29, -64
	.cfi_offset 30, -56
	mov	x29, sp
	stp	d8, d9, [sp, 48]
	cmp	w0, 0
	.cfi_offset 72, -16
	.cfi_offset 73, -8
	ble	.L4
	movi	d8, #0
	fmov	d9, d0
	fmov	s0, 1.5e+0
	stp	x19, x20, [sp, 16]
	.cfi_offset 20, -40
	.cfi_offset 19, -48
	mov	w20, w0
	mov	w19, 0
	str	x21, [sp, 32]
	.cfi_offset 21, -32
	adrp	x21, .LANCHOR0
	add	x21, x21, :lo12:.LANCHOR0
	str	d10, [sp, 40]
	.cfi_offset 74, -24
	fmov	d10, d8
	b	.L3
	.p2align 2,,3
.L8:
	ldr	s0, [x21, x1, lsl 2]
.L3:
	fcvt	d0, s0
	add	w19, w19, 1
	fmul	d0, d0, d9
	bl	g
	fadd	d0, d0, d10
	and	x1, x19, 3
	fadd	d8, d8, d0
	cmp	w20, w19
	bne	.L8
	ldp	x19, x20, [sp, 16]
	.cfi_restore 20
	.cfi_restore 19
	ldr	x21, [sp, 32]
	.cfi_restore 21
	ldr	d10, [sp, 40]
	.cfi_restore 74
.L2:
	adrp	x1, .LANCHOR1
	fmov	d0, d8
	ldp	d8, d9, [sp, 48]
	ldr	w0, [x1, #:lo12:.LANCHOR1]
	ldp	x29, x30, [sp], 64
	.cfi_remember_state
	.cfi_restore 30
	.cfi_restore 29
	.cfi_restore 72
	.cfi_restore 73
	.cfi_def_cfa_offset 0
	hint	31 // autibsp
	.cfi_window_save
	add	w0, w0, 1
	str	w0, [x1, #:lo12:.LANCHOR1]
	ret
	.p2align 2,,3
.L4:
	.cfi_restore_state
	movi	d8, #0
	b	.L2
	.cfi_endproc
.LFE0:
	.size	f, .-f
	.align	2
	.p2align 4,,11
	.global	h
	.type	h, %function
h:
.LFB1:
	.cfi_startproc
	.cfi_b_key_frame
	hint	27 // pacibsp
	.cfi_window_save
	stp	x29, x30, [sp, -32]!
	.cfi_def_cfa_offset 32
	.cfi_offset 29, -32
	.cfi_offset 30, -24
	mov	x29, sp
	str	x19, [sp, 16]
	.cfi_offset 19, -16
	mov	w19, w0
	cmp	w0, 3
	bgt	.L12
	mov	w0, w19
	ldr	x19, [sp, 16]
	ldp	x29, x30, [sp], 32
	.cfi_remember_state
	.cfi_restore 30
	.cfi_restore 29
	.cfi_restore 19
	.cfi_def_cfa_offset 0
	hint	31 // autibsp
	.cfi_window_save
	ret
	.p2align 2,,3
.L12:
	.cfi_restore_state
	fmov	d0, 5.0e-1
	bl	f
	fcvtzs	w0, d0
	add	w19, w0, w19, lsl 1
	mov	w0, w19
	ldr	x19, [sp, 16]
	ldp	x29, x30, [sp], 32
	.cfi_restore 30
	.cfi_restore 29
	.cfi_restore 19
	.cfi_def_cfa_offset 0
	hint	31 // autibsp
	.cfi_window_save
	ret
	.cfi_endproc
.LFE1:
	.size	h, .-h
	.global	counter
	.section	.rodata
	.align	4
	.set	.LANCHOR0,. + 0
	.type	tbl, %object
	.size	tbl, 16
tbl:
	.word	1069547520
	.word	1075838976
	.word	-1110651699
	.word	1077936128
	.bss
	.align	2
	.set	.LANCHOR1,. + 0
	.type	counter, %object
	.size	counter, 4
counter:
	.zero	4
	.ident	"GCC: (Debian 12.2.0-14) 12.2.0"
	.section	.note.GNU-stack,"",@progbits
	.section	.note.gnu.property,"a"
	.align	3
	.word	4
	.word	16
	.word	5
	.string	"GNU"
	.word	3221225472
	.word	4
	.word	2
	.align	3
