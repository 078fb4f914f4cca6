// Statements GNU as 2.40 refuses at every architecture, which a64asm once accepted (issue 18), each assembled alone.
// `// ERROR: COL: MESSAGE` is a64asm's error (test.s:1:COL); `// GNU: TEXT` is what GNU as's message begins with.
// Test: tests/Assembler.Tests/Encoding/RefusedInputVectorTests.cs (GNU's side is an oracle test there).

ic ivau
// ERROR: 4: missing register
// GNU: missing register at operand 2
tlbi vaale1is
// ERROR: 6: missing register
// GNU: missing register at operand 2
tlbi vale2
// ERROR: 6: missing register
// GNU: missing register at operand 2
ic ialluis, x0
// ERROR: 13: extraneous register
// GNU: extraneous register at operand 2
tlbi alle3is, x0
// ERROR: 15: extraneous register
// GNU: extraneous register at operand 2
msr spsel, #2
// ERROR: 12: immediate value out of range 0 to 1
// GNU: immediate value out of range 0 to 1 at operand 2
msr pan, #2
// ERROR: 10: immediate value out of range 0 to 1
// GNU: immediate value out of range 0 to 1 at operand 2
msr ssbs, #2
// ERROR: 11: immediate value out of range 0 to 1
// GNU: immediate value out of range 0 to 1 at operand 2
msr tco, #2
// ERROR: 10: immediate value out of range 0 to 1
// GNU: immediate value out of range 0 to 1 at operand 2
ldr w0, [x0]!
// ERROR: 9: missing offset in the pre-indexed address
// GNU: missing offset in the pre-indexed address at operand 2
fcmgt v0.4s, v0.4s, #-0.0
// ERROR: 21: immediate zero expected
// GNU: immediate zero expected at operand 3
fcmeq v0.4s, v1.4s, #-0.0
// ERROR: 21: immediate zero expected
// GNU: immediate zero expected at operand 3
fcmp s0, #-0.0
// ERROR: 10: immediate zero expected
// GNU: immediate zero expected at operand 2
movz w1, #:abs_g2:sym
// ERROR: 10: the specified relocation type is not allowed for 32-bit register
// GNU: the specified relocation type is not allowed for 32-bit register at operand 2
movz x1, #:abs_g2:sym, lsl #16
// ERROR: 10: can't mix relocation modifier with explicit shift
// GNU: can't mix relocation modifier with explicit shift at operand 2
ld1 {v3.d}[1<<62], [x5]
// ERROR: 12: register element index out of range 0 to 1
// GNU: register element index out of range 0 to 1 at operand 1
dup v1.4s, v22.s[4294967296]
// ERROR: 18: register element index out of range 0 to 3
// GNU: register element index out of range 0 to 3 at operand 2
add x4, x5, x6, lsl #-3
// ERROR: 17: shift amount out of range 0 to 63
// GNU: shift amount out of range 0 to 63 at operand 3
subs w9, w21, w21, asr #4294967296
// ERROR: 20: shift amount out of range 0 to 63
// GNU: shift amount out of range 0 to 63 at operand 3
adds w21, w3, w22, lsl #18446744073709551615
// ERROR: 20: shift amount out of range 0 to 63
// GNU: shift amount out of range 0 to 63 at operand 3
cmn sp, w8, sxtw #-1
// ERROR: 13: shift amount out of range 0 to 63
// GNU: shift amount out of range 0 to 63 at operand 2
movi v2.4h, 0x12, lsl #-8
// ERROR: 19: shift amount out of range 0 to 63
// GNU: shift amount out of range 0 to 63 at operand 2
movn w10, #65536
// ERROR: 11: immediate out of range
// GNU: immediate out of range
movk x4, #0x10000
// ERROR: 10: immediate out of range
// GNU: immediate out of range
movz x0, #0x10000
// ERROR: 10: immediate out of range
// GNU: immediate out of range
ld1 {v0.b}[0], [x1, #0]
// ERROR: 16: invalid addressing mode
// GNU: invalid addressing mode at operand 2
ld1 {v0.8b}, [x1, #0]
// ERROR: 14: invalid addressing mode
// GNU: invalid addressing mode at operand 2
ld1r {v0.8b}, [x1, #0]
// ERROR: 15: invalid addressing mode
// GNU: invalid addressing mode at operand 2
ld2r {v31.4h-v0.4h}, [x0]
// ERROR: 7: invalid range in vector register list
// GNU: invalid range in vector register list at operand 1
fmov s0, #0x11
// ERROR: 10: invalid floating-point constant
// GNU: invalid floating-point constant at operand 2
fmov d6, #0x3f800000
// ERROR: 10: invalid floating-point constant
// GNU: invalid floating-point constant at operand 2
lr.a .req x30
// ERROR: 1: unknown mnemonic `lr.a'
// GNU: unknown mnemonic `lr.a'
add ,x0, x1
// ERROR: 5: unexpected comma after the mnemonic name `add'
// GNU: unexpected comma after the mnemonic name `add'
b.cond .+0, al
// ERROR: 1: unknown mnemonic `b.cond'
// GNU: unknown mnemonic `b.cond'
bc.cond .+0, ne
// ERROR: 1: unknown mnemonic `bc.cond'
// GNU: unknown mnemonic `bc.cond'

// --- simdext: AdvSIMD/FP extensions (dot products, element groups, rotations, FP16, BF16), one past each range ---
sdot v0.4s, v16.16b, v7.4b[4]
// ERROR: 28: register element index out of range 0 to 3
// GNU: register element index out of range 0 to 3 at operand 3
sdot v0.4s, v16.16b, v7.16b[0]
// ERROR: 22: operand mismatch
// GNU: operand mismatch
usdot v0.2s, v1.8b, v2.4b[-1]
// ERROR: 27: register element index out of range 0 to 3
// GNU: register element index out of range 0 to 3 at operand 3
bfdot v0.4s, v1.8h, v2.2h[4]
// ERROR: 27: register element index out of range 0 to 3
// GNU: register element index out of range 0 to 3 at operand 3
fmlal v0.4s, v1.4h, v2.h[8]
// ERROR: 26: register element index out of range 0 to 7
// GNU: register element index out of range 0 to 7 at operand 3
fmlal v0.4s, v1.4h, v16.h[0]
// ERROR: 21: register number out of range 0 to 15
// GNU: register number out of range 0 to 15 at operand 3
fmla v0.8h, v1.8h, v16.h[0]
// ERROR: 20: register number out of range 0 to 15
// GNU: register number out of range 0 to 15 at operand 3
sqrdmlah v0.4h, v1.4h, v16.h[0]
// ERROR: 24: register number out of range 0 to 15
// GNU: register number out of range 0 to 15 at operand 3
fcmla v0.4s, v1.4s, v2.4s, #45
// ERROR: 28: rotate expected to be 0, 90, 180 or 270
// GNU: rotate expected to be 0, 90, 180 or 270 at operand 4
fcmla v0.4s, v1.4s, v2.4s, #360
// ERROR: 28: rotate expected to be 0, 90, 180 or 270
// GNU: rotate expected to be 0, 90, 180 or 270 at operand 4
fcadd v0.4s, v1.4s, v2.4s, #0
// ERROR: 28: rotate expected to be 90 or 270
// GNU: rotate expected to be 90 or 270 at operand 4
fcadd v0.4s, v1.4s, v2.4s, #180
// ERROR: 28: rotate expected to be 90 or 270
// GNU: rotate expected to be 90 or 270 at operand 4
fcmla v0.4s, v1.4s, v2.s[2], #0
// ERROR: 21: register element index out of range 0 to 1
// GNU: register element index out of range 0 to 1 at operand 3
fcmla v0.4h, v1.4h, v2.h[2], #0
// ERROR: 21: register element index out of range 0 to 1
// GNU: register element index out of range 0 to 1 at operand 3
fcmla v0.8h, v1.8h, v2.h[4], #0
// ERROR: 21: register element index out of range 0 to 3
// GNU: register element index out of range 0 to 3 at operand 3
sm3tt1a v0.4s, v1.4s, v2.s[4]
// ERROR: 28: register element index out of range 0 to 3
// GNU: register element index out of range 0 to 3 at operand 3
fcvtzs v0.4h, v1.4h, #17
// ERROR: 22: immediate value out of range 1 to 16
// GNU: immediate value out of range 1 to 16 at operand 3
scvtf h0, h1, #0
// ERROR: 15: immediate value out of range 1 to 64
// GNU: immediate value out of range 1 to 64 at operand 3
fcmeq v0.4h, v1.4h, #1.0
// ERROR: 21: immediate zero expected
// GNU: immediate zero expected at operand 3
fcmgt h0, h1, #-0.0
// ERROR: 15: immediate zero expected
// GNU: immediate zero expected at operand 3
bfmlalb v0.4s, v1.8h, v16.h[0]
// ERROR: 23: register number out of range 0 to 15
// GNU: register number out of range 0 to 15 at operand 3
fmulx h0, h1, v2.h[8]
// ERROR: 20: register element index out of range 0 to 7
// GNU: register element index out of range 0 to 7 at operand 3
// --- sysreg: PSTATE and barrier ranges ---
msr allint, #2
// ERROR: 13: immediate value out of range 0 to 1
// GNU: immediate value out of range 0 to 1 at operand 2
msr dit, #2
// ERROR: 10: immediate value out of range 0 to 1
// GNU: immediate value out of range 0 to 1 at operand 2
msr uao, #2
// ERROR: 10: immediate value out of range 0 to 1
// GNU: immediate value out of range 0 to 1 at operand 2
msr daifset, #16
// ERROR: 14: immediate value out of range 0 to 15
// GNU: immediate value out of range 0 to 15 at operand 2
dsb #17
// ERROR: 5: immediate value out of range 0 to 15
// GNU: immediate value out of range 0 to 15 at operand 1
dsb #32
// ERROR: 5: immediate value out of range 0 to 15
// GNU: immediate value out of range 0 to 15 at operand 1
// --- baseext: extension instructions and base forms, one past each range ---
dcps1 #0x10000
// ERROR: 7: immediate value out of range 0 to 65535
// GNU: immediate value out of range 0 to 65535 at operand 1
dcps2 #-1
// ERROR: 7: immediate value out of range 0 to 65535
// GNU: immediate value out of range 0 to 65535 at operand 1
tcancel #65536
// ERROR: 9: immediate value out of range 0 to 65535
// GNU: immediate value out of range 0 to 65535 at operand 1
stg x0, [x1, #4096]
// ERROR: 9: immediate offset out of range -4096 to 4080
// GNU: immediate offset out of range -4096 to 4080 at operand 2
stg x0, [x1, #-4112]
// ERROR: 9: immediate offset out of range -4096 to 4080
// GNU: immediate offset out of range -4096 to 4080 at operand 2
stg x0, [x1, #8]
// ERROR: 9: immediate value must be a multiple of 16
// GNU: immediate value must be a multiple of 16 at operand 2
stgp x0, x1, [x2, #1024]
// ERROR: 14: immediate offset out of range -1024 to 1008
// GNU: immediate offset out of range -1024 to 1008 at operand 3
ldg x0, [x1, #4096]
// ERROR: 9: immediate offset out of range -4096 to 4080
// GNU: immediate offset out of range -4096 to 4080 at operand 2
addg x0, x1, #1024, #0
// ERROR: 14: immediate value out of range 0 to 1008
// GNU: immediate value out of range 0 to 1008 at operand 3
addg x0, x1, #8, #0
// ERROR: 14: immediate value must be a multiple of 16
// GNU: immediate value must be a multiple of 16 at operand 3
subg x0, x1, #0, #16
// ERROR: 18: immediate value out of range 0 to 15
// GNU: immediate value out of range 0 to 15 at operand 4
ldraa x0, [x1, #4096]
// ERROR: 11: immediate offset out of range -4096 to 4088
// GNU: immediate offset out of range -4096 to 4088 at operand 2
ldrab x0, [x1, #-4104]!
// ERROR: 11: immediate offset out of range -4096 to 4088
// GNU: immediate offset out of range -4096 to 4088 at operand 2
ldraa x0, [x1, #4]
// ERROR: 11: immediate value must be a multiple of 8
// GNU: immediate value must be a multiple of 8 at operand 2
ldapur w0, [x1, #256]
// ERROR: 12: immediate offset out of range -256 to 255
// GNU: immediate offset out of range -256 to 255 at operand 2
stlurb w0, [x1, #-257]
// ERROR: 12: immediate offset out of range -256 to 255
// GNU: immediate offset out of range -256 to 255 at operand 2
rmif x0, #64, #0
// ERROR: 10: immediate value out of range 0 to 63
// GNU: immediate value out of range 0 to 63 at operand 2
rmif x0, #0, #16
// ERROR: 14: immediate value out of range 0 to 15
// GNU: immediate value out of range 0 to 15 at operand 3
smax x0, x1, #128
// ERROR: 14: immediate value out of range -128 to 127
// GNU: immediate value out of range -128 to 127 at operand 3
smin w0, w1, #-129
// ERROR: 14: immediate value out of range -128 to 127
// GNU: immediate value out of range -128 to 127 at operand 3
umax x0, x1, #256
// ERROR: 14: immediate value out of range 0 to 255
// GNU: immediate value out of range 0 to 255 at operand 3
umin w0, w1, #-1
// ERROR: 14: immediate value out of range 0 to 255
// GNU: immediate value out of range 0 to 255 at operand 3
ld64b x23, [x1]
// ERROR: 7: invalid Rt register number in 64-byte load/store
// GNU: invalid Rt register number in 64-byte load/store at operand 1
ld64b x24, [x1]
// ERROR: 7: invalid Rt register number in 64-byte load/store
// GNU: invalid Rt register number in 64-byte load/store at operand 1
st64bv x0, x1, [x3]
// ERROR: 12: invalid Rt register number in 64-byte load/store
// GNU: invalid Rt register number in 64-byte load/store at operand 2
irg x0, x1, sp
// ERROR: 13: operand 3 must be an integer register
// GNU: operand 3 must be an integer register
ccmp x1, x2, nz, ge
// ERROR: 14: constant expression required
// GNU: constant expression required at operand 3
csel x0, x1, x2, pfrst
// ERROR: 18: invalid condition
// GNU: invalid condition at operand 4
uxtw x10, x12
// ERROR: 11: operand mismatch
// GNU: operand mismatch
add w0, w1, x2, uxtb
// ERROR: 13: operand mismatch
// GNU: operand mismatch
add x0, x1, w2
// ERROR: 13: missing extend operator
// GNU: missing extend operator at operand 3
adds x0, x1, w2, lsl #2
// ERROR: 14: 'LSL' operator not allowed
// GNU: 'LSL' operator not allowed at operand 3
add x0, x1, x2, uxtw #5
// ERROR: 13: shift amount out of range 0 to 4
// GNU: shift amount out of range 0 to 4 at operand 3
drps x0
// ERROR: 1: unexpected characters following instruction
// GNU: unexpected characters following instruction
ldgm x0, [x1, #16]
// ERROR: 10: the optional immediate offset can only be 0
// GNU: the optional immediate offset can only be 0 at operand 2
movi v3.8b, -129
// ERROR: 13: immediate value out of range -128 to 255
// GNU: immediate value out of range -128 to 255 at operand 2
// MOPS: distinct registers, writeback syntax.
cpyp [x0]!, [x0]!, x2!
// ERROR: 20: the three register operands must be distinct from one another
// GNU: the three register operands must be distinct from one another
cpyp [x0]!, [x1]!, x0!
// ERROR: 20: the three register operands must be distinct from one another
// GNU: the three register operands must be distinct from one another
cpyp [sp]!, [x1]!, x2!
// ERROR: 6: integer 64-bit register expected
// GNU: integer 64-bit register expected at operand 1
cpyp [x0]!, [x1]!, xzr!
// ERROR: 20: integer 64-bit register expected
// GNU: integer 64-bit register expected at operand 3
cpyp [x0], [x1]!, x2!
// ERROR: 6: operand 1 must be a register destination address with writeback
// GNU: operand 1 must be a register destination address with writeback
cpyp [x0]!, [x1]!, x2
// ERROR: 20: operand 3 must be an integer register with writeback
// GNU: operand 3 must be an integer register with writeback
setp [x0]!, x1!, sp
// ERROR: 18: operand 3 must be an integer register
// GNU: operand 3 must be an integer register
setp [x0]!, x1!, x1
// ERROR: 18: the three register operands must be distinct from one another
// GNU: the three register operands must be distinct from one another
setp [x0]!, xzr!, x1
// ERROR: 13: integer 64-bit register expected
// GNU: integer 64-bit register expected at operand 2
cpyp [x0]!, [x1]!, w2!
// ERROR: 20: integer 64-bit register expected
// GNU: integer 64-bit register expected at operand 3
add x0, x1!, x2
// ERROR: 9: comma expected between operands
// GNU: comma expected between operands at operand 3
// simdscalar (issue 18): AdvSIMD scalar, fixed-point, fmov upper half, movi msl, shll: one past each range
fmov v4.d[0], x7
// ERROR: 6: the top half of a 128-bit FP/SIMD register is expected
// GNU: the top half of a 128-bit FP/SIMD register is expected at operand 1
fmov x7, v4.s[1]
// ERROR: 10: the top half of a 128-bit FP/SIMD register is expected
// GNU: the top half of a 128-bit FP/SIMD register is expected at operand 2
movi v5.4s, #1, msl #24
// ERROR: 13: shift amount must be 0 or 16
// GNU: shift amount must be 0 or 16 at operand 2
movi v5.2s, #256, msl #8
// ERROR: 13: invalid shift operator
// GNU: invalid shift operator at operand 2
mvni v5.4s, #-129, msl #16
// ERROR: 13: invalid shift operator
// GNU: invalid shift operator at operand 2
movi v5.4h, #1, msl #8
// ERROR: 13: invalid shift operator
// GNU: invalid shift operator at operand 2
movi v3.8b, #-129
// ERROR: 13: immediate value out of range -128 to 255
// GNU: immediate value out of range -128 to 255 at operand 2
movi v3.16b, #256
// ERROR: 14: immediate value out of range -128 to 255
// GNU: immediate value out of range -128 to 255 at operand 2
movi v3.4h, #-129
// ERROR: 13: immediate value out of range -128 to 255
// GNU: immediate value out of range -128 to 255 at operand 2
shll v0.8h, v1.8b, #7
// ERROR: 20: invalid shift amount
// GNU: invalid shift amount at operand 3
shll2 v0.4s, v1.8h, #8
// ERROR: 21: invalid shift amount
// GNU: invalid shift amount at operand 3
shll v0.2d, v1.2s, #33
// ERROR: 20: invalid shift amount
// GNU: invalid shift amount at operand 3
scvtf s0, w1, #0
// ERROR: 15: immediate value out of range 1 to 32
// GNU: immediate value out of range 1 to 32 at operand 3
scvtf d0, w1, #33
// ERROR: 15: immediate value out of range 1 to 32
// GNU: immediate value out of range 1 to 32 at operand 3
ucvtf s0, x1, #65
// ERROR: 15: immediate value out of range 1 to 64
// GNU: immediate value out of range 1 to 64 at operand 3
fcvtzs w0, d1, #33
// ERROR: 16: immediate value out of range 1 to 32
// GNU: immediate value out of range 1 to 32 at operand 3
fcvtzu x0, s1, #0
// ERROR: 16: immediate value out of range 1 to 64
// GNU: immediate value out of range 1 to 64 at operand 3
scvtf s0, s1, #33
// ERROR: 15: immediate value out of range 1 to 32
// GNU: immediate value out of range 1 to 32 at operand 3
fcvtzu d0, d1, #0
// ERROR: 16: immediate value out of range 1 to 64
// GNU: immediate value out of range 1 to 64 at operand 3
fcvtzs d0, d1, #65
// ERROR: 16: immediate value out of range 1 to 64
// GNU: immediate value out of range 1 to 64 at operand 3
sqshrn b0, h1, #9
// ERROR: 16: immediate value out of range 1 to 8
// GNU: immediate value out of range 1 to 8 at operand 3
uqrshrn h0, s1, #17
// ERROR: 17: immediate value out of range 1 to 16
// GNU: immediate value out of range 1 to 16 at operand 3
sqshrun s0, d1, #0
// ERROR: 17: immediate value out of range 1 to 64
// GNU: immediate value out of range 1 to 64 at operand 3
sqshl b0, b1, #8
// ERROR: 15: immediate value out of range 0 to 7
// GNU: immediate value out of range 0 to 7 at operand 3
uqshl h0, h1, #16
// ERROR: 15: immediate value out of range 0 to 15
// GNU: immediate value out of range 0 to 15 at operand 3
sqshlu d0, d1, #64
// ERROR: 16: immediate value out of range 0 to 63
// GNU: immediate value out of range 0 to 63 at operand 3
srshr d0, d1, #0
// ERROR: 15: immediate value out of range 1 to 64
// GNU: immediate value out of range 1 to 64 at operand 3
ursra d0, d1, #65
// ERROR: 15: immediate value out of range 1 to 64
// GNU: immediate value out of range 1 to 64 at operand 3
sli d0, d1, #64
// ERROR: 13: immediate value out of range 0 to 63
// GNU: immediate value out of range 0 to 63 at operand 3
sri d0, d1, #0
// ERROR: 13: immediate value out of range 1 to 64
// GNU: immediate value out of range 1 to 64 at operand 3
fmul s0, s1, v2.s[4]
// ERROR: 19: register element index out of range 0 to 3
// GNU: register element index out of range 0 to 3 at operand 3
fmla d0, d1, v2.d[2]
// ERROR: 19: register element index out of range 0 to 1
// GNU: register element index out of range 0 to 1 at operand 3
sqdmulh h0, h1, v16.h[0]
// ERROR: 17: register number out of range 0 to 15
// GNU: register number out of range 0 to 15 at operand 3
sqdmull s0, h1, v2.h[8]
// ERROR: 22: register element index out of range 0 to 7
// GNU: register element index out of range 0 to 7 at operand 3
sqrdmulh s0, s1, v2.s[4]
// ERROR: 23: register element index out of range 0 to 3
// GNU: register element index out of range 0 to 3 at operand 3
add s0, s1, s2
// ERROR: 5: operand mismatch
// GNU: operand mismatch
cmeq d0, d1, #1
// ERROR: 14: immediate zero expected
// GNU: immediate zero expected at operand 3
fcmeq s0, s1, #1.0
// ERROR: 15: immediate zero expected
// GNU: immediate zero expected at operand 3
fcmlt d0, d1, #-0.0
// ERROR: 15: immediate zero expected
// GNU: immediate zero expected at operand 3
sqdmulh b0, b1, b2
// ERROR: 9: operand mismatch
// GNU: operand mismatch
addp s0, v1.2s
// ERROR: 6: operand mismatch
// GNU: operand mismatch
faddp d0, v1.2s
// ERROR: 11: operand mismatch
// GNU: operand mismatch
fmulx v0.4s, v1.4s, v2.s[4]
// ERROR: 26: register element index out of range 0 to 3
// GNU: register element index out of range 0 to 3 at operand 3
fmulx v0.2d, v1.2d, v2.d[2]
// ERROR: 26: register element index out of range 0 to 1
// GNU: register element index out of range 0 to 1 at operand 3

// --- fpsimdfeat: SME's PSTATE switches (GNU as at -march=all takes smstart/smstop and msr svcr*, #0|1) ---
msr svcrsm, #2
// ERROR: 13: immediate value out of range 0 to 1
// GNU: immediate value out of range 0 to 1 at operand 2
msr svcrsmza, #-1
// ERROR: 15: immediate value out of range 0 to 1
// GNU: immediate value out of range 0 to 1 at operand 2
smstart zm
// ERROR: 1: unexpected characters following instruction
// GNU: unexpected characters following instruction
smstop #1
// ERROR: 1: unexpected characters following instruction
// GNU: unexpected characters following instruction
mrs x0, svcrsm
// ERROR: 9: unknown or missing system register name
// GNU: unknown or missing system register name at operand 2

// --- wording (issue 18): GNU's choice among rows (the most severe error, then the furthest operand) and its words ---
smstart sm, za
// ERROR: 1: unexpected characters following instruction
// GNU: unexpected characters following instruction at operand 1
smstop za, sm
// ERROR: 1: unexpected characters following instruction
// GNU: unexpected characters following instruction at operand 1
add w0, x1, x2
// ERROR: 9: operand mismatch
// GNU: operand mismatch
add x0, w1, w2
// ERROR: 9: operand mismatch
// GNU: operand mismatch
sqadd b0, h1, h2
// ERROR: 11: operand mismatch
// GNU: operand mismatch
ushr v0.4s, v1.2s, #3
// ERROR: 13: operand mismatch
// GNU: operand mismatch
mul v0.4s, v1.4s, v2.h[0]
// ERROR: 19: operand mismatch
// GNU: operand mismatch
mul v0.2d, v1.2d, v2.d[0]
// ERROR: 5: operand mismatch
// GNU: operand mismatch
fadd s0, s1, x2
// ERROR: 14: operand 3 must be a floating-point register
// GNU: operand 3 must be a floating-point register
fadd s0, x1, s2
// ERROR: 10: operand 2 must be a floating-point register
// GNU: operand 2 must be a floating-point register
fadd v0.4s, v1.4s, s2
// ERROR: 20: operand 3 must be a SIMD vector register
// GNU: operand 3 must be a SIMD vector register
add v0.4s, d1, v2.4s
// ERROR: 12: operand 2 must be a SIMD vector register
// GNU: operand 2 must be a SIMD vector register
sqadd b0, b1, v2.4s
// ERROR: 15: operand 3 must be a SIMD scalar register
// GNU: operand 3 must be a SIMD scalar register
add x0, s1, x2
// ERROR: 9: operand 2 must be an integer or stack pointer register
// GNU: operand 2 must be an integer or stack pointer register
add
// ERROR: 1: operand 1 must be an integer or stack pointer register
// GNU: operand 1 must be an integer or stack pointer register
add x0, x1
// ERROR: 1: comma expected between operands
// GNU: comma expected between operands at operand 3
add x0
// ERROR: 1: comma expected between operands
// GNU: comma expected between operands at operand 2
fmov s0, x1, x2
// ERROR: 1: unexpected characters following instruction
// GNU: unexpected characters following instruction at operand 2
mov x0, x1, x2
// ERROR: 1: unexpected characters following instruction
// GNU: unexpected characters following instruction at operand 2
ushr v0.4s, v1.4s, foo
// ERROR: 20: constant expression required
// GNU: constant expression required at operand 3
ushr d0, d1, x2
// ERROR: 6: operand 1 must be a SIMD vector register
// GNU: operand 1 must be a SIMD vector register
fadd v0.4s, v1.4s, #1
// ERROR: 20: operand 3 must be a SIMD vector register
// GNU: operand 3 must be a SIMD vector register
ushr v0.8b, v1.8b, #0
// ERROR: 20: immediate value out of range 1 to 64
// GNU: immediate value out of range 1 to 64 at operand 3
fcvtzs v0.4s, v1.4s, #0
// ERROR: 22: immediate value out of range 1 to 64
// GNU: immediate value out of range 1 to 64 at operand 3
sqshrn b0, h1, #0
// ERROR: 16: immediate value out of range 1 to 64
// GNU: immediate value out of range 1 to 64 at operand 3
csel x0, x1, x2, #1
// ERROR: 18: invalid condition
// GNU: invalid condition at operand 4
ldr x0, [w1]
// ERROR: 9: 64-bit integer or SP register expected
// GNU: 64-bit integer or SP register expected at operand 2
ldr x0, [s1]
// ERROR: 9: 64-bit integer or SP register expected
// GNU: 64-bit integer or SP register expected at operand 2
ldxr x0, [x1, #16]
// ERROR: 10: the optional immediate offset can only be 0
// GNU: the optional immediate offset can only be 0 at operand 2
stlr x0, [x1, #8]
// ERROR: 10: the optional immediate offset can only be 0
// GNU: the optional immediate offset can only be 0 at operand 2
casl w8, w9, [x10], #0
// ERROR: 21: invalid addressing mode
// GNU: invalid addressing mode at operand 3
ld1 {v0.4s, v2.4s}, [x0]
// ERROR: 13: invalid register list
// GNU: invalid register list at operand 1
ld1 {v0.4s, v1.2s}, [x0]
// ERROR: 13: type mismatch in vector register list
// GNU: type mismatch in vector register list at operand 1
ld1 {v0.4s, v1.4s, v2.4s, v3.4s, v4.4s}, [x0]
// ERROR: 5: too many registers in vector register list
// GNU: too many registers in vector register list at operand 1
msr foo, x0
// ERROR: 5: unknown or missing system register name
// GNU: unknown or missing system register name at operand 1
msr foo, #1
// ERROR: 5: unknown or missing system register name
// GNU: unknown or missing system register name at operand 1
dc foo, x0
// ERROR: 4: unknown or missing operation name
// GNU: unknown or missing operation name at operand 1
ic foo
// ERROR: 4: unknown or missing operation name
// GNU: unknown or missing operation name at operand 1
tlbi foo
// ERROR: 6: unknown or missing operation name
// GNU: unknown or missing operation name at operand 1
at foo, x0
// ERROR: 4: unknown or missing operation name
// GNU: unknown or missing operation name at operand 1
dsb foo
// ERROR: 5: constant expression required
// GNU: constant expression required at operand 1
isb foo
// ERROR: 5: constant expression required
// GNU: constant expression required at operand 1
prfm foo, [x0]
// ERROR: 6: constant expression required
// GNU: constant expression required at operand 1
bti foo
// ERROR: 5: unknown option to BTI
// GNU: unknown option to BTI at operand 1
cpyp [x0]!, [x1], x2!
// ERROR: 13: operand 2 must be a register source address with writeback
// GNU: operand 2 must be a register source address with writeback
setp [x0]!, x1, x2
// ERROR: 13: operand 2 must be an integer register with writeback
// GNU: operand 2 must be an integer register with writeback
fmov x7, v4.d
// ERROR: 10: indexed vector register expected
// GNU: indexed vector register expected at operand 2
abs v14.2d, sp
// ERROR: 13: operand 2 must be a SIMD vector register
// GNU: operand 2 must be a SIMD vector register
fcmla v0.2s, v1.2s, q2, #90
// ERROR: 21: operand 3 must be a SIMD vector register
// GNU: operand 3 must be a SIMD vector register
facge s31, v3.2s, s5
// ERROR: 12: operand 2 must be a SIMD scalar register
// GNU: operand 2 must be a SIMD scalar register
irg x0, sp, w2
// ERROR: 13: operand mismatch
// GNU: operand mismatch
b.lt
// ERROR: 1: invalid address
// GNU: invalid address at operand 1
dsb ishnxs, asr #1
// ERROR: 1: unexpected characters following instruction
// GNU: unexpected characters following instruction at operand 1
fcvtzs d31, d0, #64, lsl #3
// ERROR: 1: unexpected characters following instruction
// GNU: unexpected characters following instruction at operand 3
msr allint
// ERROR: 1: comma expected between operands
// GNU: comma expected between operands at operand 2
irg x0, x1, sp, x2
// ERROR: 13: operand 3 must be an integer register
// GNU: operand 3 must be an integer register
sqadd v0.4s, v1.4s
// ERROR: 1: comma expected between operands
// GNU: comma expected between operands at operand 3
ushr d0, d1, #0
// ERROR: 14: immediate value out of range 1 to 64
// GNU: immediate value out of range 1 to 64 at operand 3
scvtf d0, w1, #0
// ERROR: 15: immediate value out of range 1 to 32
// GNU: immediate value out of range 1 to 32 at operand 3
cpyen [w1]!, [x1]!, x2!
// ERROR: 7: integer 64-bit register expected
// GNU: integer 64-bit register expected at operand 1
str x0, [wsp]
// ERROR: 9: 64-bit integer or SP register expected
// GNU: 64-bit integer or SP register expected at operand 2
ld1 {v0.4s}, [w1], #16
// ERROR: 20: 64-bit integer or SP register expected
// GNU: 64-bit integer or SP register expected at operand 2
stg x0, [w1]
// ERROR: 9: 64-bit integer or SP register expected
// GNU: 64-bit integer or SP register expected at operand 2
fabs v0.2s, v1.2s, lsl #64
// ERROR: 1: unexpected characters following instruction
// GNU: unexpected characters following instruction at operand 2
casb w14, w15, [x16], uxtw
// ERROR: 16: invalid addressing mode
// GNU: invalid addressing mode at operand 3
add w7, w8, w9, lsr #31, lsl #64
// ERROR: 1: unexpected characters following instruction
// GNU: unexpected characters following instruction at operand 3
