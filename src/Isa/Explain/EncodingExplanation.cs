using A64Asm.Isa.Model;

namespace A64Asm.Isa.Explain;

/// <summary>One field of the word: where it sits, its bits, and what they mean for this instruction.</summary>
public sealed record FieldExplanation(EncodingField Field, uint Value, string Bits, string Meaning)
{
    public string Name => Field.Name ?? "-";
}

/// <summary>
/// Everything <c>a64asm explain</c> shows for one word: the form that encodes it, the row it was written as
/// (an alias row when the input used one), its bits field by field, and how alias and form relate.
/// </summary>
public sealed record EncodingExplanation(
    uint Word,
    FormInfo Form,
    FormInfo Written,
    string Text,
    string FormText,
    string? PreferredText,
    IReadOnlyList<FieldExplanation> Fields)
{
    /// <summary>The form id, the name of its <see cref="Isa.Code"/> member (LDP_64_off).</summary>
    public string FormId => Form.Code.ToString();
    public bool WrittenAsAlias => Written.IsAlias;
}
