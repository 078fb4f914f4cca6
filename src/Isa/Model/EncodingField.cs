namespace A64Asm.Isa.Model;

/// <summary>
/// One piece of a row's encoding, msb first, as the generator read it from the bit picture: an operand field
/// (<c>imm7:7</c>; <see cref="Fixed"/> null), a named fixed field (<c>opc=10</c>, or a field an alias assigns),
/// a run of unnamed opcode bits (<c>101</c>; <see cref="Name"/> null), or ignored bits (<c>x</c>; both null). <see cref="Excluded"/> holds the
/// <c>!=</c> patterns of a field (words with those bits are another form).
/// </summary>
public sealed record EncodingField(string? Name, int Lsb, int Width, uint? Fixed, string[] Excluded)
{
    public int Msb => Lsb + Width - 1;
    public bool IsFixed => Fixed is not null;
    public FieldRef Ref => new((byte)Lsb, (byte)Width);
    /// <summary>The fixed value in binary, Width digits; null for an operand field.</summary>
    public string? FixedBits => Fixed is uint v ? Convert.ToString(v, 2).PadLeft(Width, '0') : null;
    public uint ValueIn(uint word) => Ref.Extract(word);
    public string BitsIn(uint word) => Convert.ToString(ValueIn(word), 2).PadLeft(Width, '0');
    /// <summary>"[21:15]", or "[22]" for one bit, as the Arm ARM writes ranges.</summary>
    public string Range => Width == 1 ? $"[{Lsb}]" : $"[{Msb}:{Lsb}]";
}
