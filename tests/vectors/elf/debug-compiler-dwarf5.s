// gcc -O2 -g -S output (DWARF 5, location views) for a small C file of ours: .file 0 with a directory, the
// compiler's own .debug_info and .debug_line_str, to which GNU as appends its table's strings.
	.arch armv8-a
	.file	"big.c"
	.text
.Ltext0:
	.file 0 "/build/proj" "big.c"
	.align	2
	.p2align 4,,11
	.global	sum
	.type	sum, %function
sum:
.LVL0:
.LFB0:
	.file 1 "big.c"
	.loc 1 3 30 view -0
	.cfi_startproc
	.loc 1 4 3 view .LVU1
	.loc 1 5 3 view .LVU2
.LBB2:
	.loc 1 5 8 view .LVU3
	.loc 1 5 21 view .LVU4
	cmp	w1, 0
	ble	.L6
	mov	x2, x0
.LBE2:
	.loc 1 4 8 is_stmt 0 view .LVU5
	mov	x0, 0
.LVL1:
	.loc 1 4 8 view .LVU6
	add	x3, x2, w1, sxtw 4
	b	.L5
.LVL2:
	.p2align 2,,3
.L9:
.LBB3:
	.loc 1 6 33 view .LVU7
	ldr	x1, [x2, 8]
	.loc 1 5 21 view .LVU8
	add	x2, x2, 16
.LVL3:
	.loc 1 6 33 view .LVU9
	add	x0, x0, x1, lsl 3
.LVL4:
	.loc 1 6 23 view .LVU10
	sub	x0, x0, x1
.LVL5:
	.loc 1 5 27 is_stmt 1 view .LVU11
	.loc 1 5 21 view .LVU12
	cmp	x3, x2
	beq	.L2
.LVL6:
.L5:
	.loc 1 6 5 view .LVU13
	.loc 1 6 21 view .LVU14
	.loc 1 7 10 view .LVU15
	.loc 1 6 13 is_stmt 0 view .LVU16
	ldr	w1, [x2]
	.loc 1 6 8 view .LVU17
	cmp	w1, 3
	bgt	.L9
	.loc 1 5 21 view .LVU18
	add	x2, x2, 16
.LVL7:
	.loc 1 7 12 view .LVU19
	sub	x0, x0, w1, sxtw
.LVL8:
	.loc 1 5 27 is_stmt 1 view .LVU20
	.loc 1 5 21 view .LVU21
	cmp	x3, x2
	bne	.L5
.L2:
	.loc 1 5 21 is_stmt 0 view .LVU22
.LBE3:
	.loc 1 9 3 is_stmt 1 view .LVU23
	.loc 1 9 7 is_stmt 0 view .LVU24
	adrp	x2, .LANCHOR0
	ldr	x1, [x2, #:lo12:.LANCHOR0]
	add	x1, x1, x0
	str	x1, [x2, #:lo12:.LANCHOR0]
	.loc 1 10 3 is_stmt 1 view .LVU25
	.loc 1 11 1 is_stmt 0 view .LVU26
	ret
.LVL9:
	.p2align 2,,3
.L6:
	.loc 1 9 7 view .LVU27
	adrp	x2, .LANCHOR0
	.loc 1 4 8 view .LVU28
	mov	x0, 0
.LVL10:
	.loc 1 9 3 is_stmt 1 view .LVU29
	.loc 1 9 7 is_stmt 0 view .LVU30
	ldr	x1, [x2, #:lo12:.LANCHOR0]
.LVL11:
	.loc 1 9 7 view .LVU31
	add	x1, x1, x0
	str	x1, [x2, #:lo12:.LANCHOR0]
	.loc 1 10 3 is_stmt 1 view .LVU32
	.loc 1 11 1 is_stmt 0 view .LVU33
	ret
	.cfi_endproc
.LFE0:
	.size	sum, .-sum
	.section	.text.startup,"ax",@progbits
	.align	2
	.p2align 4,,11
	.global	main
	.type	main, %function
main:
.LFB1:
	.loc 1 12 16 is_stmt 1 view -0
	.cfi_startproc
	.loc 1 12 18 view .LVU35
	.loc 1 12 27 is_stmt 0 view .LVU36
	adrp	x2, .LANCHOR1
	add	x2, x2, :lo12:.LANCHOR1
	.loc 1 12 16 view .LVU37
	stp	x29, x30, [sp, -80]!
	.cfi_def_cfa_offset 80
	.cfi_offset 29, -80
	.cfi_offset 30, -72
	.loc 1 12 73 view .LVU38
	mov	w1, 4
	.loc 1 12 16 view .LVU39
	mov	x29, sp
	.loc 1 12 27 view .LVU40
	ldp	q2, q3, [x2]
	add	x0, sp, 16
	ldp	q0, q1, [x2, 32]
	stp	q2, q3, [x0]
	stp	q0, q1, [x0, 32]
	.loc 1 12 61 is_stmt 1 view .LVU41
	.loc 1 12 73 is_stmt 0 view .LVU42
	bl	sum
.LVL12:
	.loc 1 12 84 view .LVU43
	ldp	x29, x30, [sp], 80
	.cfi_restore 30
	.cfi_restore 29
	.cfi_def_cfa_offset 0
	ret
	.cfi_endproc
.LFE1:
	.size	main, .-main
	.section	.rodata
	.align	3
	.set	.LANCHOR1,. + 0
.LC0:
	.word	1
	.zero	4
	.xword	2
	.word	5
	.zero	4
	.xword	6
	.word	7
	.zero	4
	.xword	8
	.word	0
	.zero	4
	.xword	1
	.bss
	.align	3
	.set	.LANCHOR0,. + 0
	.type	acc, %object
	.size	acc, 8
acc:
	.zero	8
	.text
.Letext0:
	.section	.debug_info,"",@progbits
.Ldebug_info0:
	.4byte	0x136
	.2byte	0x5
	.byte	0x1
	.byte	0x8
	.4byte	.Ldebug_abbrev0
	.uleb128 0x7
	.4byte	.LASF5
	.byte	0x1d
	.4byte	.LASF0
	.4byte	.LASF1
	.4byte	.LLRL5
	.8byte	0
	.4byte	.Ldebug_line0
	.uleb128 0x8
	.string	"s"
	.byte	0x10
	.byte	0x1
	.byte	0x1
	.byte	0x8
	.4byte	0x48
	.uleb128 0x1
	.string	"a"
	.byte	0x10
	.4byte	0x48
	.byte	0
	.uleb128 0x1
	.string	"b"
	.byte	0x18
	.4byte	0x4f
	.byte	0x8
	.byte	0
	.uleb128 0x9
	.byte	0x4
	.byte	0x5
	.string	"int"
	.uleb128 0x2
	.byte	0x5
	.4byte	.LASF2
	.uleb128 0x3
	.string	"acc"
	.byte	0x2
	.byte	0xd
	.4byte	0x4f
	.uleb128 0x9
	.byte	0x3
	.8byte	acc
	.uleb128 0xa
	.4byte	.LASF4
	.byte	0x1
	.byte	0xc
	.byte	0x5
	.4byte	0x48
	.8byte	.LFB1
	.8byte	.LFE1-.LFB1
	.uleb128 0x1
	.byte	0x9c
	.4byte	0xb2
	.uleb128 0x3
	.string	"x"
	.byte	0xc
	.byte	0x1b
	.4byte	0xb2
	.uleb128 0x2
	.byte	0x91
	.sleb128 -64
	.uleb128 0xb
	.8byte	.LVL12
	.4byte	0xc8
	.uleb128 0x4
	.uleb128 0x1
	.byte	0x50
	.uleb128 0x2
	.byte	0x91
	.sleb128 -64
	.uleb128 0x4
	.uleb128 0x1
	.byte	0x51
	.uleb128 0x1
	.byte	0x34
	.byte	0
	.byte	0
	.uleb128 0xc
	.4byte	0x2a
	.4byte	0xc2
	.uleb128 0xd
	.4byte	0xc2
	.byte	0x3
	.byte	0
	.uleb128 0x2
	.byte	0x7
	.4byte	.LASF3
	.uleb128 0xe
	.string	"sum"
	.byte	0x1
	.byte	0x3
	.byte	0x6
	.4byte	0x4f
	.8byte	.LFB0
	.8byte	.LFE0-.LFB0
	.uleb128 0x1
	.byte	0x9c
	.4byte	0x133
	.uleb128 0x5
	.string	"p"
	.byte	0x14
	.4byte	0x133
	.4byte	.LLST0
	.4byte	.LVUS0
	.uleb128 0x5
	.string	"n"
	.byte	0x1b
	.4byte	0x48
	.4byte	.LLST1
	.4byte	.LVUS1
	.uleb128 0x6
	.string	"t"
	.byte	0x4
	.byte	0x8
	.4byte	0x4f
	.4byte	.LLST2
	.4byte	.LVUS2
	.uleb128 0xf
	.4byte	.LLRL3
	.uleb128 0x6
	.string	"i"
	.byte	0x5
	.byte	0xc
	.4byte	0x48
	.4byte	.LLST4
	.4byte	.LVUS4
	.byte	0
	.byte	0
	.uleb128 0x10
	.byte	0x8
	.4byte	0x2a
	.byte	0
	.section	.debug_abbrev,"",@progbits
.Ldebug_abbrev0:
	.uleb128 0x1
	.uleb128 0xd
	.byte	0
	.uleb128 0x3
	.uleb128 0x8
	.uleb128 0x3a
	.uleb128 0x21
	.sleb128 1
	.uleb128 0x3b
	.uleb128 0x21
	.sleb128 1
	.uleb128 0x39
	.uleb128 0xb
	.uleb128 0x49
	.uleb128 0x13
	.uleb128 0x38
	.uleb128 0xb
	.byte	0
	.byte	0
	.uleb128 0x2
	.uleb128 0x24
	.byte	0
	.uleb128 0xb
	.uleb128 0x21
	.sleb128 8
	.uleb128 0x3e
	.uleb128 0xb
	.uleb128 0x3
	.uleb128 0xe
	.byte	0
	.byte	0
	.uleb128 0x3
	.uleb128 0x34
	.byte	0
	.uleb128 0x3
	.uleb128 0x8
	.uleb128 0x3a
	.uleb128 0x21
	.sleb128 1
	.uleb128 0x3b
	.uleb128 0xb
	.uleb128 0x39
	.uleb128 0xb
	.uleb128 0x49
	.uleb128 0x13
	.uleb128 0x2
	.uleb128 0x18
	.byte	0
	.byte	0
	.uleb128 0x4
	.uleb128 0x49
	.byte	0
	.uleb128 0x2
	.uleb128 0x18
	.uleb128 0x7e
	.uleb128 0x18
	.byte	0
	.byte	0
	.uleb128 0x5
	.uleb128 0x5
	.byte	0
	.uleb128 0x3
	.uleb128 0x8
	.uleb128 0x3a
	.uleb128 0x21
	.sleb128 1
	.uleb128 0x3b
	.uleb128 0x21
	.sleb128 3
	.uleb128 0x39
	.uleb128 0xb
	.uleb128 0x49
	.uleb128 0x13
	.uleb128 0x2
	.uleb128 0x17
	.uleb128 0x2137
	.uleb128 0x17
	.byte	0
	.byte	0
	.uleb128 0x6
	.uleb128 0x34
	.byte	0
	.uleb128 0x3
	.uleb128 0x8
	.uleb128 0x3a
	.uleb128 0x21
	.sleb128 1
	.uleb128 0x3b
	.uleb128 0xb
	.uleb128 0x39
	.uleb128 0xb
	.uleb128 0x49
	.uleb128 0x13
	.uleb128 0x2
	.uleb128 0x17
	.uleb128 0x2137
	.uleb128 0x17
	.byte	0
	.byte	0
	.uleb128 0x7
	.uleb128 0x11
	.byte	0x1
	.uleb128 0x25
	.uleb128 0xe
	.uleb128 0x13
	.uleb128 0xb
	.uleb128 0x3
	.uleb128 0x1f
	.uleb128 0x1b
	.uleb128 0x1f
	.uleb128 0x55
	.uleb128 0x17
	.uleb128 0x11
	.uleb128 0x1
	.uleb128 0x10
	.uleb128 0x17
	.byte	0
	.byte	0
	.uleb128 0x8
	.uleb128 0x13
	.byte	0x1
	.uleb128 0x3
	.uleb128 0x8
	.uleb128 0xb
	.uleb128 0xb
	.uleb128 0x3a
	.uleb128 0xb
	.uleb128 0x3b
	.uleb128 0xb
	.uleb128 0x39
	.uleb128 0xb
	.uleb128 0x1
	.uleb128 0x13
	.byte	0
	.byte	0
	.uleb128 0x9
	.uleb128 0x24
	.byte	0
	.uleb128 0xb
	.uleb128 0xb
	.uleb128 0x3e
	.uleb128 0xb
	.uleb128 0x3
	.uleb128 0x8
	.byte	0
	.byte	0
	.uleb128 0xa
	.uleb128 0x2e
	.byte	0x1
	.uleb128 0x3f
	.uleb128 0x19
	.uleb128 0x3
	.uleb128 0xe
	.uleb128 0x3a
	.uleb128 0xb
	.uleb128 0x3b
	.uleb128 0xb
	.uleb128 0x39
	.uleb128 0xb
	.uleb128 0x27
	.uleb128 0x19
	.uleb128 0x49
	.uleb128 0x13
	.uleb128 0x11
	.uleb128 0x1
	.uleb128 0x12
	.uleb128 0x7
	.uleb128 0x40
	.uleb128 0x18
	.uleb128 0x7a
	.uleb128 0x19
	.uleb128 0x1
	.uleb128 0x13
	.byte	0
	.byte	0
	.uleb128 0xb
	.uleb128 0x48
	.byte	0x1
	.uleb128 0x7d
	.uleb128 0x1
	.uleb128 0x7f
	.uleb128 0x13
	.byte	0
	.byte	0
	.uleb128 0xc
	.uleb128 0x1
	.byte	0x1
	.uleb128 0x49
	.uleb128 0x13
	.uleb128 0x1
	.uleb128 0x13
	.byte	0
	.byte	0
	.uleb128 0xd
	.uleb128 0x21
	.byte	0
	.uleb128 0x49
	.uleb128 0x13
	.uleb128 0x2f
	.uleb128 0xb
	.byte	0
	.byte	0
	.uleb128 0xe
	.uleb128 0x2e
	.byte	0x1
	.uleb128 0x3f
	.uleb128 0x19
	.uleb128 0x3
	.uleb128 0x8
	.uleb128 0x3a
	.uleb128 0xb
	.uleb128 0x3b
	.uleb128 0xb
	.uleb128 0x39
	.uleb128 0xb
	.uleb128 0x27
	.uleb128 0x19
	.uleb128 0x49
	.uleb128 0x13
	.uleb128 0x11
	.uleb128 0x1
	.uleb128 0x12
	.uleb128 0x7
	.uleb128 0x40
	.uleb128 0x18
	.uleb128 0x7a
	.uleb128 0x19
	.uleb128 0x1
	.uleb128 0x13
	.byte	0
	.byte	0
	.uleb128 0xf
	.uleb128 0xb
	.byte	0x1
	.uleb128 0x55
	.uleb128 0x17
	.byte	0
	.byte	0
	.uleb128 0x10
	.uleb128 0xf
	.byte	0
	.uleb128 0xb
	.uleb128 0xb
	.uleb128 0x49
	.uleb128 0x13
	.byte	0
	.byte	0
	.byte	0
	.section	.debug_loclists,"",@progbits
	.4byte	.Ldebug_loc3-.Ldebug_loc2
.Ldebug_loc2:
	.2byte	0x5
	.byte	0x8
	.byte	0
	.4byte	0
.Ldebug_loc0:
.LVUS0:
	.uleb128 0
	.uleb128 .LVU6
	.uleb128 .LVU6
	.uleb128 .LVU7
	.uleb128 .LVU7
	.uleb128 .LVU27
	.uleb128 .LVU27
	.uleb128 .LVU29
	.uleb128 .LVU29
	.uleb128 0
.LLST0:
	.byte	0x6
	.8byte	.LVL0
	.byte	0x4
	.uleb128 .LVL0-.LVL0
	.uleb128 .LVL1-.LVL0
	.uleb128 0x1
	.byte	0x50
	.byte	0x4
	.uleb128 .LVL1-.LVL0
	.uleb128 .LVL2-.LVL0
	.uleb128 0x1
	.byte	0x52
	.byte	0x4
	.uleb128 .LVL2-.LVL0
	.uleb128 .LVL9-.LVL0
	.uleb128 0x4
	.byte	0xa3
	.uleb128 0x1
	.byte	0x50
	.byte	0x9f
	.byte	0x4
	.uleb128 .LVL9-.LVL0
	.uleb128 .LVL10-.LVL0
	.uleb128 0x1
	.byte	0x50
	.byte	0x4
	.uleb128 .LVL10-.LVL0
	.uleb128 .LFE0-.LVL0
	.uleb128 0x4
	.byte	0xa3
	.uleb128 0x1
	.byte	0x50
	.byte	0x9f
	.byte	0
.LVUS1:
	.uleb128 0
	.uleb128 .LVU7
	.uleb128 .LVU7
	.uleb128 .LVU27
	.uleb128 .LVU27
	.uleb128 .LVU31
	.uleb128 .LVU31
	.uleb128 0
.LLST1:
	.byte	0x6
	.8byte	.LVL0
	.byte	0x4
	.uleb128 .LVL0-.LVL0
	.uleb128 .LVL2-.LVL0
	.uleb128 0x1
	.byte	0x51
	.byte	0x4
	.uleb128 .LVL2-.LVL0
	.uleb128 .LVL9-.LVL0
	.uleb128 0x4
	.byte	0xa3
	.uleb128 0x1
	.byte	0x51
	.byte	0x9f
	.byte	0x4
	.uleb128 .LVL9-.LVL0
	.uleb128 .LVL11-.LVL0
	.uleb128 0x1
	.byte	0x51
	.byte	0x4
	.uleb128 .LVL11-.LVL0
	.uleb128 .LFE0-.LVL0
	.uleb128 0x4
	.byte	0xa3
	.uleb128 0x1
	.byte	0x51
	.byte	0x9f
	.byte	0
.LVUS2:
	.uleb128 .LVU2
	.uleb128 .LVU7
	.uleb128 .LVU7
	.uleb128 .LVU10
	.uleb128 .LVU11
	.uleb128 .LVU27
	.uleb128 .LVU27
	.uleb128 0
.LLST2:
	.byte	0x6
	.8byte	.LVL0
	.byte	0x4
	.uleb128 .LVL0-.LVL0
	.uleb128 .LVL2-.LVL0
	.uleb128 0x2
	.byte	0x30
	.byte	0x9f
	.byte	0x4
	.uleb128 .LVL2-.LVL0
	.uleb128 .LVL4-.LVL0
	.uleb128 0x1
	.byte	0x50
	.byte	0x4
	.uleb128 .LVL5-.LVL0
	.uleb128 .LVL9-.LVL0
	.uleb128 0x1
	.byte	0x50
	.byte	0x4
	.uleb128 .LVL9-.LVL0
	.uleb128 .LFE0-.LVL0
	.uleb128 0x2
	.byte	0x30
	.byte	0x9f
	.byte	0
.LVUS4:
	.uleb128 .LVU4
	.uleb128 .LVU7
	.uleb128 .LVU7
	.uleb128 .LVU9
	.uleb128 .LVU9
	.uleb128 .LVU12
	.uleb128 .LVU13
	.uleb128 .LVU19
	.uleb128 .LVU19
	.uleb128 .LVU21
	.uleb128 .LVU27
	.uleb128 0
.LLST4:
	.byte	0x6
	.8byte	.LVL0
	.byte	0x4
	.uleb128 .LVL0-.LVL0
	.uleb128 .LVL2-.LVL0
	.uleb128 0x2
	.byte	0x30
	.byte	0x9f
	.byte	0x4
	.uleb128 .LVL2-.LVL0
	.uleb128 .LVL3-.LVL0
	.uleb128 0x9
	.byte	0x72
	.sleb128 0
	.byte	0xa3
	.uleb128 0x1
	.byte	0x50
	.byte	0x1c
	.byte	0x34
	.byte	0x25
	.byte	0x9f
	.byte	0x4
	.uleb128 .LVL3-.LVL0
	.uleb128 .LVL5-.LVL0
	.uleb128 0xb
	.byte	0x72
	.sleb128 0
	.byte	0xa3
	.uleb128 0x1
	.byte	0x50
	.byte	0x1c
	.byte	0x40
	.byte	0x1c
	.byte	0x34
	.byte	0x25
	.byte	0x9f
	.byte	0x4
	.uleb128 .LVL6-.LVL0
	.uleb128 .LVL7-.LVL0
	.uleb128 0x9
	.byte	0x72
	.sleb128 0
	.byte	0xa3
	.uleb128 0x1
	.byte	0x50
	.byte	0x1c
	.byte	0x34
	.byte	0x25
	.byte	0x9f
	.byte	0x4
	.uleb128 .LVL7-.LVL0
	.uleb128 .LVL8-.LVL0
	.uleb128 0xb
	.byte	0x72
	.sleb128 0
	.byte	0xa3
	.uleb128 0x1
	.byte	0x50
	.byte	0x1c
	.byte	0x40
	.byte	0x1c
	.byte	0x34
	.byte	0x25
	.byte	0x9f
	.byte	0x4
	.uleb128 .LVL9-.LVL0
	.uleb128 .LFE0-.LVL0
	.uleb128 0x2
	.byte	0x30
	.byte	0x9f
	.byte	0
.Ldebug_loc3:
	.section	.debug_aranges,"",@progbits
	.4byte	0x3c
	.2byte	0x2
	.4byte	.Ldebug_info0
	.byte	0x8
	.byte	0
	.2byte	0
	.2byte	0
	.8byte	.Ltext0
	.8byte	.Letext0-.Ltext0
	.8byte	.LFB1
	.8byte	.LFE1-.LFB1
	.8byte	0
	.8byte	0
	.section	.debug_rnglists,"",@progbits
.Ldebug_ranges0:
	.4byte	.Ldebug_ranges3-.Ldebug_ranges2
.Ldebug_ranges2:
	.2byte	0x5
	.byte	0x8
	.byte	0
	.4byte	0
.LLRL3:
	.byte	0x5
	.8byte	.LBB2
	.byte	0x4
	.uleb128 .LBB2-.LBB2
	.uleb128 .LBE2-.LBB2
	.byte	0x4
	.uleb128 .LBB3-.LBB2
	.uleb128 .LBE3-.LBB2
	.byte	0
.LLRL5:
	.byte	0x7
	.8byte	.Ltext0
	.uleb128 .Letext0-.Ltext0
	.byte	0x7
	.8byte	.LFB1
	.uleb128 .LFE1-.LFB1
	.byte	0
.Ldebug_ranges3:
	.section	.debug_line,"",@progbits
.Ldebug_line0:
	.section	.debug_str,"MS",@progbits,1
.LASF3:
	.string	"long unsigned int"
.LASF2:
	.string	"long int"
.LASF5:
	.string	"GNU C17 12.2.0 -mlittle-endian -mabi=lp64 -g -O2 -fasynchronous-unwind-tables"
.LASF4:
	.string	"main"
	.section	.debug_line_str,"MS",@progbits,1
.LASF1:
	.string	"/build/proj"
.LASF0:
	.string	"big.c"
	.ident	"GCC: (Debian 12.2.0-14) 12.2.0"
	.section	.note.GNU-stack,"",@progbits
