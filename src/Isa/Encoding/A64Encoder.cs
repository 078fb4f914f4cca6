using A64Asm.Isa.Fixups;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Encoding;

/// <summary>An encoded instruction word, with the fixup its symbol operand (if any) asks for.</summary>
public readonly record struct EncodedInstruction(uint Word, FixupRequest Fixup)
{
    public bool HasFixup => Fixup.Kind != FixupKind.None;
}

public static partial class A64Encoder
{
    /// <summary>
    /// Encodes one instruction. <paramref name="mnemonic"/> is lower case and includes any ".cond" suffix.
    /// On failure <paramref name="error"/> is the user-facing message (no location; the caller adds it).
    /// </summary>
    public static bool TryEncode(string mnemonic, IReadOnlyList<Operand> operands, out EncodedInstruction result, out string error)
    {
        // Placeholder until the table-driven encoder lands (issue 4).
        result = default;
        error = $"unknown mnemonic '{mnemonic}'";
        return false;
    }
}
