using A64Asm.Isa.Fixups;

namespace A64Asm.Linker.Tests.Relocations;

/// <summary>
/// One relocation whose value is X, at .text+8 of an object "edge.o", against an absolute symbol 'target' that
/// "target.o" defines (so that X is exactly what the row says: S + A for absolute kinds, S + A - P for the
/// PC-relative ones, Page(S + A) - Page(P) for adrp, with P = 8). <see cref="Expected"/> is the field's bytes in
/// the image (hex, in file order) or the link error after "edge.o:(.text+0x8): ". <see cref="Source"/> is the
/// GNU as statement that asks for the same relocation, and <see cref="Word"/> the instruction before it is relocated.
/// </summary>
public sealed record RelocationEdge(FixupKind Kind, string Source, uint Word, long X, string Expected, bool LdAgrees)
{
    public bool Fits => !Expected.Contains(' ');

    /// <summary>Bytes of the field: 8, 4 or 2 for data, 4 for an instruction.</summary>
    public int Size => Fixup.FieldSize(Kind);

    /// <summary>The value of 'target' that makes the relocation's value X.</summary>
    public ulong Target => (ulong)(Fixup.Spec(Kind).Base == FixupBase.PcRelative ? X + 8 : X);

    public override string ToString() => $"{Fixup.ElfName(Kind)} X={Fixup.Hex(X)}";
}

/// <summary>
/// For every relocation type: the value at each end of its range, and one past each end, which is an error naming
/// the site, the value and the range. The 64-bit fields (ABS64, PREL64, MOVW_UABS_G3, MOVW_PREL_G3) and the _NC
/// kinds keep some bits of any value, so they have no value past their range: their rows show the extremes.
/// The load/store :lo12: kinds have no range either, only a multiple: their past-the-edge row is the first
/// misaligned value. Branches also have a misaligned row (ld lets those through; a64asm refuses them).
/// LdAgrees: GNU ld 2.40 gives the same bytes, or fails too. It differs where ld is stricter than the ABI
/// (ABS16/ABS32 below zero, PREL16/PREL32 at 2^15/2^31 and above: the ABI allows -2^(n-1) &lt;= X &lt; 2^n for
/// both), where ld builds a veneer for a branch out of range (a64asm refuses; blobs get no veneers), and where ld
/// drops a misaligned branch target's low bits.
/// </summary>
public static class RelocationEdges
{
    public static readonly RelocationEdge[] All =
    [
        new(FixupKind.Abs64, ".xword target", 0, long.MinValue, "0000000000000080", LdAgrees: true),
        new(FixupKind.Abs64, ".xword target", 0, long.MaxValue, "ffffffffffffff7f", LdAgrees: true),

        new(FixupKind.Prel64, ".xword target - .", 0, long.MinValue, "0000000000000080", LdAgrees: true),
        new(FixupKind.Prel64, ".xword target - .", 0, long.MaxValue, "ffffffffffffff7f", LdAgrees: true),

        new(FixupKind.Abs32, ".word target", 0, -0x80000000L, "00000080", LdAgrees: false),
        new(FixupKind.Abs32, ".word target", 0, 0xffffffffL, "ffffffff", LdAgrees: true),
        new(FixupKind.Abs32, ".word target", 0, -0x80000001L, "relocation truncated to fit: R_AARCH64_ABS32 against symbol 'target' defined in *ABS* section in target.o: value -0x80000001 is not in [-0x80000000, 0xffffffff]", LdAgrees: true),
        new(FixupKind.Abs32, ".word target", 0, 0x100000000L, "relocation truncated to fit: R_AARCH64_ABS32 against symbol 'target' defined in *ABS* section in target.o: value 0x100000000 is not in [-0x80000000, 0xffffffff]", LdAgrees: true),

        new(FixupKind.Prel32, ".word target - .", 0, -0x80000000L, "00000080", LdAgrees: true),
        new(FixupKind.Prel32, ".word target - .", 0, 0xffffffffL, "ffffffff", LdAgrees: false),
        new(FixupKind.Prel32, ".word target - .", 0, -0x80000001L, "relocation truncated to fit: R_AARCH64_PREL32 against symbol 'target' defined in *ABS* section in target.o: value -0x80000001 is not in [-0x80000000, 0xffffffff]", LdAgrees: true),
        new(FixupKind.Prel32, ".word target - .", 0, 0x100000000L, "relocation truncated to fit: R_AARCH64_PREL32 against symbol 'target' defined in *ABS* section in target.o: value 0x100000000 is not in [-0x80000000, 0xffffffff]", LdAgrees: true),
        new(FixupKind.Prel32, ".word target - .", 0, 0x7fffffffL, "ffffff7f", LdAgrees: true),

        new(FixupKind.Abs16, ".hword target", 0, -0x8000L, "0080", LdAgrees: false),
        new(FixupKind.Abs16, ".hword target", 0, 0xffffL, "ffff", LdAgrees: true),
        new(FixupKind.Abs16, ".hword target", 0, -0x8001L, "relocation truncated to fit: R_AARCH64_ABS16 against symbol 'target' defined in *ABS* section in target.o: value -0x8001 is not in [-0x8000, 0xffff]", LdAgrees: true),
        new(FixupKind.Abs16, ".hword target", 0, 0x10000L, "relocation truncated to fit: R_AARCH64_ABS16 against symbol 'target' defined in *ABS* section in target.o: value 0x10000 is not in [-0x8000, 0xffff]", LdAgrees: true),
        new(FixupKind.Abs16, ".hword target", 0, 0x0L, "0000", LdAgrees: true),

        new(FixupKind.Prel16, ".hword target - .", 0, -0x8000L, "0080", LdAgrees: true),
        new(FixupKind.Prel16, ".hword target - .", 0, 0xffffL, "ffff", LdAgrees: false),
        new(FixupKind.Prel16, ".hword target - .", 0, -0x8001L, "relocation truncated to fit: R_AARCH64_PREL16 against symbol 'target' defined in *ABS* section in target.o: value -0x8001 is not in [-0x8000, 0xffff]", LdAgrees: true),
        new(FixupKind.Prel16, ".hword target - .", 0, 0x10000L, "relocation truncated to fit: R_AARCH64_PREL16 against symbol 'target' defined in *ABS* section in target.o: value 0x10000 is not in [-0x8000, 0xffff]", LdAgrees: true),
        new(FixupKind.Prel16, ".hword target - .", 0, 0x7fffL, "ff7f", LdAgrees: true),

        new(FixupKind.Branch26, "b target", 0x14000000, -0x8000000L, "00000016", LdAgrees: true),
        new(FixupKind.Branch26, "b target", 0x14000000, 0x7fffffcL, "ffffff15", LdAgrees: true),
        new(FixupKind.Branch26, "b target", 0x14000000, -0x8000004L, "relocation truncated to fit: R_AARCH64_JUMP26 against symbol 'target' defined in *ABS* section in target.o: value -0x8000004 is not in [-0x8000000, 0x7fffffc] (a multiple of 4)", LdAgrees: false),
        new(FixupKind.Branch26, "b target", 0x14000000, 0x8000000L, "relocation truncated to fit: R_AARCH64_JUMP26 against symbol 'target' defined in *ABS* section in target.o: value 0x8000000 is not in [-0x8000000, 0x7fffffc] (a multiple of 4)", LdAgrees: false),
        new(FixupKind.Branch26, "b target", 0x14000000, 0x6L, "branch target not word aligned: R_AARCH64_JUMP26 against symbol 'target' defined in *ABS* section in target.o: value 0x6 is not a multiple of 4", LdAgrees: false),

        new(FixupKind.Call26, "bl target", 0x94000000, -0x8000000L, "00000096", LdAgrees: true),
        new(FixupKind.Call26, "bl target", 0x94000000, 0x7fffffcL, "ffffff95", LdAgrees: true),
        new(FixupKind.Call26, "bl target", 0x94000000, -0x8000004L, "relocation truncated to fit: R_AARCH64_CALL26 against symbol 'target' defined in *ABS* section in target.o: value -0x8000004 is not in [-0x8000000, 0x7fffffc] (a multiple of 4)", LdAgrees: false),
        new(FixupKind.Call26, "bl target", 0x94000000, 0x8000000L, "relocation truncated to fit: R_AARCH64_CALL26 against symbol 'target' defined in *ABS* section in target.o: value 0x8000000 is not in [-0x8000000, 0x7fffffc] (a multiple of 4)", LdAgrees: false),
        new(FixupKind.Call26, "bl target", 0x94000000, 0x6L, "branch target not word aligned: R_AARCH64_CALL26 against symbol 'target' defined in *ABS* section in target.o: value 0x6 is not a multiple of 4", LdAgrees: false),

        new(FixupKind.CondBranch19, "b.eq target", 0x54000000, -0x100000L, "00008054", LdAgrees: true),
        new(FixupKind.CondBranch19, "b.eq target", 0x54000000, 0xffffcL, "e0ff7f54", LdAgrees: true),
        new(FixupKind.CondBranch19, "b.eq target", 0x54000000, -0x100004L, "relocation truncated to fit: R_AARCH64_CONDBR19 against symbol 'target' defined in *ABS* section in target.o: value -0x100004 is not in [-0x100000, 0xffffc] (a multiple of 4)", LdAgrees: true),
        new(FixupKind.CondBranch19, "b.eq target", 0x54000000, 0x100000L, "relocation truncated to fit: R_AARCH64_CONDBR19 against symbol 'target' defined in *ABS* section in target.o: value 0x100000 is not in [-0x100000, 0xffffc] (a multiple of 4)", LdAgrees: true),
        new(FixupKind.CondBranch19, "b.eq target", 0x54000000, 0x6L, "conditional branch target not word aligned: R_AARCH64_CONDBR19 against symbol 'target' defined in *ABS* section in target.o: value 0x6 is not a multiple of 4", LdAgrees: false),

        new(FixupKind.LdLiteral19, "ldr x0, target", 0x58000000, -0x100000L, "00008058", LdAgrees: true),
        new(FixupKind.LdLiteral19, "ldr x0, target", 0x58000000, 0xffffcL, "e0ff7f58", LdAgrees: true),
        new(FixupKind.LdLiteral19, "ldr x0, target", 0x58000000, -0x100004L, "relocation truncated to fit: R_AARCH64_LD_PREL_LO19 against symbol 'target' defined in *ABS* section in target.o: value -0x100004 is not in [-0x100000, 0xffffc] (a multiple of 4)", LdAgrees: true),
        new(FixupKind.LdLiteral19, "ldr x0, target", 0x58000000, 0x100000L, "relocation truncated to fit: R_AARCH64_LD_PREL_LO19 against symbol 'target' defined in *ABS* section in target.o: value 0x100000 is not in [-0x100000, 0xffffc] (a multiple of 4)", LdAgrees: true),
        new(FixupKind.LdLiteral19, "ldr x0, target", 0x58000000, 0x6L, "pc-relative load offset not word aligned: R_AARCH64_LD_PREL_LO19 against symbol 'target' defined in *ABS* section in target.o: value 0x6 is not a multiple of 4", LdAgrees: true),

        new(FixupKind.TestBranch14, "tbz x0, #0, target", 0x36000000, -0x8000L, "00000436", LdAgrees: true),
        new(FixupKind.TestBranch14, "tbz x0, #0, target", 0x36000000, 0x7ffcL, "e0ff0336", LdAgrees: true),
        new(FixupKind.TestBranch14, "tbz x0, #0, target", 0x36000000, -0x8004L, "relocation truncated to fit: R_AARCH64_TSTBR14 against symbol 'target' defined in *ABS* section in target.o: value -0x8004 is not in [-0x8000, 0x7ffc] (a multiple of 4)", LdAgrees: true),
        new(FixupKind.TestBranch14, "tbz x0, #0, target", 0x36000000, 0x8000L, "relocation truncated to fit: R_AARCH64_TSTBR14 against symbol 'target' defined in *ABS* section in target.o: value 0x8000 is not in [-0x8000, 0x7ffc] (a multiple of 4)", LdAgrees: true),
        new(FixupKind.TestBranch14, "tbz x0, #0, target", 0x36000000, 0x6L, "conditional branch target not word aligned: R_AARCH64_TSTBR14 against symbol 'target' defined in *ABS* section in target.o: value 0x6 is not a multiple of 4", LdAgrees: false),

        new(FixupKind.Adr21, "adr x0, target", 0x10000000, -0x100000L, "00008010", LdAgrees: true),
        new(FixupKind.Adr21, "adr x0, target", 0x10000000, 0xfffffL, "e0ff7f70", LdAgrees: true),
        new(FixupKind.Adr21, "adr x0, target", 0x10000000, -0x100001L, "relocation truncated to fit: R_AARCH64_ADR_PREL_LO21 against symbol 'target' defined in *ABS* section in target.o: value -0x100001 is not in [-0x100000, 0xfffff]", LdAgrees: true),
        new(FixupKind.Adr21, "adr x0, target", 0x10000000, 0x100000L, "relocation truncated to fit: R_AARCH64_ADR_PREL_LO21 against symbol 'target' defined in *ABS* section in target.o: value 0x100000 is not in [-0x100000, 0xfffff]", LdAgrees: true),

        new(FixupKind.AdrPage21, "adrp x0, target", 0x90000000, -0x100000000L, "00008090", LdAgrees: true),
        new(FixupKind.AdrPage21, "adrp x0, target", 0x90000000, 0xfffff000L, "e0ff7ff0", LdAgrees: true),
        new(FixupKind.AdrPage21, "adrp x0, target", 0x90000000, -0x100001000L, "relocation truncated to fit: R_AARCH64_ADR_PREL_PG_HI21 against symbol 'target' defined in *ABS* section in target.o: value -0x100001000 is not in [-0x100000000, 0xfffff000] (a multiple of 4096)", LdAgrees: true),
        new(FixupKind.AdrPage21, "adrp x0, target", 0x90000000, 0x100000000L, "relocation truncated to fit: R_AARCH64_ADR_PREL_PG_HI21 against symbol 'target' defined in *ABS* section in target.o: value 0x100000000 is not in [-0x100000000, 0xfffff000] (a multiple of 4096)", LdAgrees: true),

        new(FixupKind.AdrPage21Nc, "adrp x0, :pg_hi21_nc:target", 0x90000000, -0x100001000L, "e0ff7ff0", LdAgrees: true),
        new(FixupKind.AdrPage21Nc, "adrp x0, :pg_hi21_nc:target", 0x90000000, 0x100000000L, "00008090", LdAgrees: true),

        new(FixupKind.AddLo12, "add x0, x0, :lo12:target", 0x91000000, 0xfffL, "00fc3f91", LdAgrees: true),
        new(FixupKind.AddLo12, "add x0, x0, :lo12:target", 0x91000000, 0x1000L, "00000091", LdAgrees: true),

        new(FixupKind.Ldst8Lo12, "ldrb w0, [x1, :lo12:target]", 0x39400020, 0xfffL, "20fc7f39", LdAgrees: true),
        new(FixupKind.Ldst8Lo12, "ldrb w0, [x1, :lo12:target]", 0x39400020, 0x1000L, "20004039", LdAgrees: true),

        new(FixupKind.Ldst16Lo12, "ldrh w0, [x1, :lo12:target]", 0x79400020, 0x1ffeL, "20fc5f79", LdAgrees: true),
        new(FixupKind.Ldst16Lo12, "ldrh w0, [x1, :lo12:target]", 0x79400020, 0x1000L, "20004079", LdAgrees: true),
        new(FixupKind.Ldst16Lo12, "ldrh w0, [x1, :lo12:target]", 0x79400020, 0x1fffL, "relocation truncated to fit: R_AARCH64_LDST16_ABS_LO12_NC against symbol 'target' defined in *ABS* section in target.o: value 0x1fff is not a multiple of 2", LdAgrees: true),

        new(FixupKind.Ldst32Lo12, "ldr w0, [x1, :lo12:target]", 0xb9400020, 0x1ffcL, "20fc4fb9", LdAgrees: true),
        new(FixupKind.Ldst32Lo12, "ldr w0, [x1, :lo12:target]", 0xb9400020, 0x1000L, "200040b9", LdAgrees: true),
        new(FixupKind.Ldst32Lo12, "ldr w0, [x1, :lo12:target]", 0xb9400020, 0x1ffeL, "relocation truncated to fit: R_AARCH64_LDST32_ABS_LO12_NC against symbol 'target' defined in *ABS* section in target.o: value 0x1ffe is not a multiple of 4", LdAgrees: true),

        new(FixupKind.Ldst64Lo12, "ldr x0, [x1, :lo12:target]", 0xf9400020, 0x1ff8L, "20fc47f9", LdAgrees: true),
        new(FixupKind.Ldst64Lo12, "ldr x0, [x1, :lo12:target]", 0xf9400020, 0x1000L, "200040f9", LdAgrees: true),
        new(FixupKind.Ldst64Lo12, "ldr x0, [x1, :lo12:target]", 0xf9400020, 0x1ffcL, "relocation truncated to fit: R_AARCH64_LDST64_ABS_LO12_NC against symbol 'target' defined in *ABS* section in target.o: value 0x1ffc is not a multiple of 8", LdAgrees: true),

        new(FixupKind.Ldst128Lo12, "ldr q0, [x1, :lo12:target]", 0x3dc00020, 0x1ff0L, "20fcc33d", LdAgrees: true),
        new(FixupKind.Ldst128Lo12, "ldr q0, [x1, :lo12:target]", 0x3dc00020, 0x1000L, "2000c03d", LdAgrees: true),
        new(FixupKind.Ldst128Lo12, "ldr q0, [x1, :lo12:target]", 0x3dc00020, 0x1ff8L, "relocation truncated to fit: R_AARCH64_LDST128_ABS_LO12_NC against symbol 'target' defined in *ABS* section in target.o: value 0x1ff8 is not a multiple of 16", LdAgrees: true),

        new(FixupKind.MovwG0, "movz x0, #:abs_g0:target", 0xd2800000, 0x0L, "000080d2", LdAgrees: true),
        new(FixupKind.MovwG0, "movz x0, #:abs_g0:target", 0xd2800000, 0xffffL, "e0ff9fd2", LdAgrees: true),
        new(FixupKind.MovwG0, "movz x0, #:abs_g0:target", 0xd2800000, -0x1L, "relocation truncated to fit: R_AARCH64_MOVW_UABS_G0 against symbol 'target' defined in *ABS* section in target.o: value -0x1 is not in [0x0, 0xffff]", LdAgrees: true),
        new(FixupKind.MovwG0, "movz x0, #:abs_g0:target", 0xd2800000, 0x10000L, "relocation truncated to fit: R_AARCH64_MOVW_UABS_G0 against symbol 'target' defined in *ABS* section in target.o: value 0x10000 is not in [0x0, 0xffff]", LdAgrees: true),

        new(FixupKind.MovwG0Nc, "movk x0, #:abs_g0_nc:target", 0xf2800000, -0x1L, "e0ff9ff2", LdAgrees: true),
        new(FixupKind.MovwG0Nc, "movk x0, #:abs_g0_nc:target", 0xf2800000, 0x123456789abcdef0L, "00de9bf2", LdAgrees: true),

        new(FixupKind.MovwG1, "movz x0, #:abs_g1:target", 0xd2a00000, 0x0L, "0000a0d2", LdAgrees: true),
        new(FixupKind.MovwG1, "movz x0, #:abs_g1:target", 0xd2a00000, 0xffffffffL, "e0ffbfd2", LdAgrees: true),
        new(FixupKind.MovwG1, "movz x0, #:abs_g1:target", 0xd2a00000, -0x1L, "relocation truncated to fit: R_AARCH64_MOVW_UABS_G1 against symbol 'target' defined in *ABS* section in target.o: value -0x1 is not in [0x0, 0xffffffff]", LdAgrees: true),
        new(FixupKind.MovwG1, "movz x0, #:abs_g1:target", 0xd2a00000, 0x100000000L, "relocation truncated to fit: R_AARCH64_MOVW_UABS_G1 against symbol 'target' defined in *ABS* section in target.o: value 0x100000000 is not in [0x0, 0xffffffff]", LdAgrees: true),

        new(FixupKind.MovwG1Nc, "movk x0, #:abs_g1_nc:target", 0xf2a00000, -0x1L, "e0ffbff2", LdAgrees: true),
        new(FixupKind.MovwG1Nc, "movk x0, #:abs_g1_nc:target", 0xf2a00000, 0x123456789abcdef0L, "8057b3f2", LdAgrees: true),

        new(FixupKind.MovwG2, "movz x0, #:abs_g2:target", 0xd2c00000, 0x0L, "0000c0d2", LdAgrees: true),
        new(FixupKind.MovwG2, "movz x0, #:abs_g2:target", 0xd2c00000, 0xffffffffffffL, "e0ffdfd2", LdAgrees: true),
        new(FixupKind.MovwG2, "movz x0, #:abs_g2:target", 0xd2c00000, -0x1L, "relocation truncated to fit: R_AARCH64_MOVW_UABS_G2 against symbol 'target' defined in *ABS* section in target.o: value -0x1 is not in [0x0, 0xffffffffffff]", LdAgrees: true),
        new(FixupKind.MovwG2, "movz x0, #:abs_g2:target", 0xd2c00000, 0x1000000000000L, "relocation truncated to fit: R_AARCH64_MOVW_UABS_G2 against symbol 'target' defined in *ABS* section in target.o: value 0x1000000000000 is not in [0x0, 0xffffffffffff]", LdAgrees: true),

        new(FixupKind.MovwG2Nc, "movk x0, #:abs_g2_nc:target", 0xf2c00000, -0x1L, "e0ffdff2", LdAgrees: true),
        new(FixupKind.MovwG2Nc, "movk x0, #:abs_g2_nc:target", 0xf2c00000, 0x123456789abcdef0L, "00cfcaf2", LdAgrees: true),

        new(FixupKind.MovwG3, "movz x0, #:abs_g3:target", 0xd2e00000, long.MinValue, "0000f0d2", LdAgrees: true),
        new(FixupKind.MovwG3, "movz x0, #:abs_g3:target", 0xd2e00000, long.MaxValue, "e0ffefd2", LdAgrees: true),

        new(FixupKind.MovwSG0, "movz x0, #:abs_g0_s:target", 0xd2800000, -0x10000L, "e0ff9f92", LdAgrees: true),
        new(FixupKind.MovwSG0, "movz x0, #:abs_g0_s:target", 0xd2800000, 0xffffL, "e0ff9fd2", LdAgrees: true),
        new(FixupKind.MovwSG0, "movz x0, #:abs_g0_s:target", 0xd2800000, -0x10001L, "relocation truncated to fit: R_AARCH64_MOVW_SABS_G0 against symbol 'target' defined in *ABS* section in target.o: value -0x10001 is not in [-0x10000, 0xffff]", LdAgrees: true),
        new(FixupKind.MovwSG0, "movz x0, #:abs_g0_s:target", 0xd2800000, 0x10000L, "relocation truncated to fit: R_AARCH64_MOVW_SABS_G0 against symbol 'target' defined in *ABS* section in target.o: value 0x10000 is not in [-0x10000, 0xffff]", LdAgrees: true),

        new(FixupKind.MovwSG1, "movz x0, #:abs_g1_s:target", 0xd2a00000, -0x100000000L, "e0ffbf92", LdAgrees: true),
        new(FixupKind.MovwSG1, "movz x0, #:abs_g1_s:target", 0xd2a00000, 0xffffffffL, "e0ffbfd2", LdAgrees: true),
        new(FixupKind.MovwSG1, "movz x0, #:abs_g1_s:target", 0xd2a00000, -0x100000001L, "relocation truncated to fit: R_AARCH64_MOVW_SABS_G1 against symbol 'target' defined in *ABS* section in target.o: value -0x100000001 is not in [-0x100000000, 0xffffffff]", LdAgrees: true),
        new(FixupKind.MovwSG1, "movz x0, #:abs_g1_s:target", 0xd2a00000, 0x100000000L, "relocation truncated to fit: R_AARCH64_MOVW_SABS_G1 against symbol 'target' defined in *ABS* section in target.o: value 0x100000000 is not in [-0x100000000, 0xffffffff]", LdAgrees: true),

        new(FixupKind.MovwSG2, "movz x0, #:abs_g2_s:target", 0xd2c00000, -0x1000000000000L, "e0ffdf92", LdAgrees: true),
        new(FixupKind.MovwSG2, "movz x0, #:abs_g2_s:target", 0xd2c00000, 0xffffffffffffL, "e0ffdfd2", LdAgrees: true),
        new(FixupKind.MovwSG2, "movz x0, #:abs_g2_s:target", 0xd2c00000, -0x1000000000001L, "relocation truncated to fit: R_AARCH64_MOVW_SABS_G2 against symbol 'target' defined in *ABS* section in target.o: value -0x1000000000001 is not in [-0x1000000000000, 0xffffffffffff]", LdAgrees: true),
        new(FixupKind.MovwSG2, "movz x0, #:abs_g2_s:target", 0xd2c00000, 0x1000000000000L, "relocation truncated to fit: R_AARCH64_MOVW_SABS_G2 against symbol 'target' defined in *ABS* section in target.o: value 0x1000000000000 is not in [-0x1000000000000, 0xffffffffffff]", LdAgrees: true),

        new(FixupKind.MovwPrelG0, "movz x0, #:prel_g0:target", 0xd2800000, -0x10000L, "e0ff9f92", LdAgrees: true),
        new(FixupKind.MovwPrelG0, "movz x0, #:prel_g0:target", 0xd2800000, 0xffffL, "e0ff9fd2", LdAgrees: true),
        new(FixupKind.MovwPrelG0, "movz x0, #:prel_g0:target", 0xd2800000, -0x10001L, "relocation truncated to fit: R_AARCH64_MOVW_PREL_G0 against symbol 'target' defined in *ABS* section in target.o: value -0x10001 is not in [-0x10000, 0xffff]", LdAgrees: true),
        new(FixupKind.MovwPrelG0, "movz x0, #:prel_g0:target", 0xd2800000, 0x10000L, "relocation truncated to fit: R_AARCH64_MOVW_PREL_G0 against symbol 'target' defined in *ABS* section in target.o: value 0x10000 is not in [-0x10000, 0xffff]", LdAgrees: true),

        new(FixupKind.MovwPrelG0Nc, "movk x0, #:prel_g0_nc:target", 0xf2800000, -0x10001L, "e0ff9ff2", LdAgrees: true),
        new(FixupKind.MovwPrelG0Nc, "movk x0, #:prel_g0_nc:target", 0xf2800000, 0x123456789abcdef0L, "00de9bf2", LdAgrees: true),

        new(FixupKind.MovwPrelG1, "movz x0, #:prel_g1:target", 0xd2a00000, -0x100000000L, "e0ffbf92", LdAgrees: true),
        new(FixupKind.MovwPrelG1, "movz x0, #:prel_g1:target", 0xd2a00000, 0xffffffffL, "e0ffbfd2", LdAgrees: true),
        new(FixupKind.MovwPrelG1, "movz x0, #:prel_g1:target", 0xd2a00000, -0x100000001L, "relocation truncated to fit: R_AARCH64_MOVW_PREL_G1 against symbol 'target' defined in *ABS* section in target.o: value -0x100000001 is not in [-0x100000000, 0xffffffff]", LdAgrees: true),
        new(FixupKind.MovwPrelG1, "movz x0, #:prel_g1:target", 0xd2a00000, 0x100000000L, "relocation truncated to fit: R_AARCH64_MOVW_PREL_G1 against symbol 'target' defined in *ABS* section in target.o: value 0x100000000 is not in [-0x100000000, 0xffffffff]", LdAgrees: true),

        new(FixupKind.MovwPrelG1Nc, "movk x0, #:prel_g1_nc:target", 0xf2a00000, -0x100000001L, "e0ffbff2", LdAgrees: true),
        new(FixupKind.MovwPrelG1Nc, "movk x0, #:prel_g1_nc:target", 0xf2a00000, 0x123456789abcdef0L, "8057b3f2", LdAgrees: true),

        new(FixupKind.MovwPrelG2, "movz x0, #:prel_g2:target", 0xd2c00000, -0x1000000000000L, "e0ffdf92", LdAgrees: true),
        new(FixupKind.MovwPrelG2, "movz x0, #:prel_g2:target", 0xd2c00000, 0xffffffffffffL, "e0ffdfd2", LdAgrees: true),
        new(FixupKind.MovwPrelG2, "movz x0, #:prel_g2:target", 0xd2c00000, -0x1000000000001L, "relocation truncated to fit: R_AARCH64_MOVW_PREL_G2 against symbol 'target' defined in *ABS* section in target.o: value -0x1000000000001 is not in [-0x1000000000000, 0xffffffffffff]", LdAgrees: true),
        new(FixupKind.MovwPrelG2, "movz x0, #:prel_g2:target", 0xd2c00000, 0x1000000000000L, "relocation truncated to fit: R_AARCH64_MOVW_PREL_G2 against symbol 'target' defined in *ABS* section in target.o: value 0x1000000000000 is not in [-0x1000000000000, 0xffffffffffff]", LdAgrees: true),

        new(FixupKind.MovwPrelG2Nc, "movk x0, #:prel_g2_nc:target", 0xf2c00000, -0x1000000000001L, "e0ffdff2", LdAgrees: true),
        new(FixupKind.MovwPrelG2Nc, "movk x0, #:prel_g2_nc:target", 0xf2c00000, 0x123456789abcdef0L, "00cfcaf2", LdAgrees: true),

        new(FixupKind.MovwPrelG3, "movz x0, #:prel_g3:target", 0xd2e00000, long.MinValue, "e0ffef92", LdAgrees: true),
        new(FixupKind.MovwPrelG3, "movz x0, #:prel_g3:target", 0xd2e00000, 0x7fff000000000000L, "e0ffefd2", LdAgrees: true),
    ];

    public static TheoryData<RelocationEdge> Rows(Func<RelocationEdge, bool> which)
    {
        var data = new TheoryData<RelocationEdge>();
        foreach (var row in All.Where(which)) data.Add(row);
        return data;
    }
}
