namespace A64Asm.Isa.Fixups;

public static partial class Fixup
{
    /// <summary>
    /// GNU as's words for a failed fixup (checked against binutils 2.40's `as`), without location. Kinds that as
    /// always leaves to the linker (adrp, :lo12:) have no as message of their own; they get one in the same style.
    /// Data fields use as's generic text; the assembler appends " at OFFSET" as as does if it wants to.
    /// </summary>
    public static string Message(FixupKind kind, FixupStatus status, long value)
    {
        if (status == FixupStatus.Ok) return "";
        if (status == FixupStatus.BadField) return $"internal error: no {FieldSizeOrZero(kind)}-byte field for fixup {kind}";
        bool misaligned = status == FixupStatus.Misaligned;
        return kind switch
        {
            FixupKind.Branch26 or FixupKind.Call26 =>
                misaligned ? "branch target not word aligned" : "branch out of range",
            FixupKind.CondBranch19 or FixupKind.TestBranch14 =>
                misaligned ? "conditional branch target not word aligned" : "conditional branch out of range",
            FixupKind.LdLiteral19 =>
                misaligned ? "pc-relative load offset not word aligned" : "pc-relative load offset out of range",
            FixupKind.Adr21 => "pc-relative address offset out of range",
            FixupKind.AdrPage21 =>
                misaligned ? "adrp offset is not a whole number of pages" : "pc-relative address offset out of range",
            FixupKind.Ldst8Lo12 or FixupKind.Ldst16Lo12 or FixupKind.Ldst32Lo12 or FixupKind.Ldst64Lo12 or FixupKind.Ldst128Lo12 =>
                $"offset 0x{value & 0xFFF:x} is not a multiple of the {AccessSize(kind)}-byte access size",
            FixupKind.MovwG0 or FixupKind.MovwG1 or FixupKind.MovwG2 => "unsigned value out of range",
            FixupKind.MovwSG0 or FixupKind.MovwSG1 or FixupKind.MovwSG2
                or FixupKind.MovwPrelG0 or FixupKind.MovwPrelG1 or FixupKind.MovwPrelG2 => "signed value out of range",
            FixupKind.AdrPage21Nc => "adrp offset is not a whole number of pages",
            _ => $"value of {value:x16} too large for field of {FieldSizeOrZero(kind)} bytes",
        };
    }

    private static int AccessSize(FixupKind kind) => kind switch
    {
        FixupKind.Ldst16Lo12 => 2,
        FixupKind.Ldst32Lo12 => 4,
        FixupKind.Ldst64Lo12 => 8,
        FixupKind.Ldst128Lo12 => 16,
        _ => 1,
    };

    private static int FieldSizeOrZero(FixupKind kind) => (int)kind < Specs.Length ? Specs[(int)kind].FieldSize : 0;
}
