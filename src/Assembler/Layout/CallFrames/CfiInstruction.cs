using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Layout;

/// <summary>The call frame operations a .cfi_* directive records (DWARF's, before encoding).</summary>
internal enum CfiOp : byte
{
    /// <summary>The code moved on by <see cref="CfiInstruction.Value"/> bytes since the previous operation.</summary>
    Advance,
    DefCfa, DefCfaRegister, DefCfaOffset, Offset, ValOffset, Restore, Undefined, SameValue, Register,
    RememberState, RestoreState,
    /// <summary>.cfi_negate_ra_state and .cfi_window_save: AArch64's reuse of DW_CFA_GNU_window_save (0x2d).</summary>
    NegateRaState,
    /// <summary>.cfi_escape: bytes written as they are.</summary>
    Escape,
}

/// <summary>One recorded operation; offsets are in bytes, unscaled (the encoder divides by the alignment factors).</summary>
internal readonly record struct CfiInstruction(CfiOp Op, long Register = 0, long Value = 0, long Register2 = 0, byte[]? Bytes = null)
{
    /// <summary>Whether two operations would write the same bytes; a CIE's initial instructions are shared by this.</summary>
    public bool SameAs(CfiInstruction other) =>
        Op == other.Op && Register == other.Register && Value == other.Value && Register2 == other.Register2;
}

/// <summary>A personality routine or LSDA reference: its DW_EH_PE encoding and the expression (null when omitted).</summary>
internal sealed record CfiPointer(byte Encoding, Expr Value, ParsedLine Line);

/// <summary>
/// One function's unwind description between .cfi_startproc and .cfi_endproc: where it starts and ends, what its
/// CIE must say (return column, signal frame, pointer authentication key, personality), and its operations.
/// </summary>
internal sealed class FrameDescription(AsmSection section, long start, SourceLocation startedAt, bool simple)
{
    public AsmSection Section { get; } = section;
    public long Start { get; } = start;
    public long End { get; set; } = -1;
    public SourceLocation StartedAt { get; } = startedAt;
    public bool Simple { get; } = simple;

    public List<CfiInstruction> Instructions { get; } = new();
    public long ReturnColumn { get; set; } = CallFrameEncoding.ReturnAddressRegister;
    public bool SignalFrame { get; set; }
    public bool BKey { get; set; }
    public CfiPointer? Personality { get; set; }
    public CfiPointer? Lsda { get; set; }

    /// <summary>Where the last operation was recorded; the next one at another place first advances.</summary>
    public long LastOffset { get; set; } = start;

    /// <summary>The section's <see cref="AsmSection.Fragment"/> at the last operation.</summary>
    public long LastFragment { get; set; } = section.Fragment;

    /// <summary>The CFA's offset as the directives have set it (for .cfi_adjust_cfa_offset and .cfi_rel_offset).</summary>
    public long CfaOffset { get; set; }

    public Stack<long> RememberedCfaOffsets { get; } = new();
}
