using A64Asm.Isa.Model;

namespace A64Asm.Isa.Explain;

/// <summary>
/// One piece of a form's bit picture: a named operand field (<c>imm7:7</c>), a named fixed field (<c>opc=10</c>)
/// or a run of unnamed opcode bits (<c>101</c>). <see cref="FixedBits"/> is null for operand fields.
/// </summary>
public sealed record PictureField(string? Name, int Msb, int Lsb, string? FixedBits, IReadOnlyList<string> Excluded)
{
    public int Width => Msb - Lsb + 1;
    public bool IsFixed => FixedBits is not null;
    public FieldRef Ref => new((byte)Lsb, (byte)Width);
    public uint ValueIn(uint word) => Ref.Extract(word);
    public string BitsIn(uint word) => Convert.ToString(ValueIn(word), 2).PadLeft(Width, '0');
    /// <summary>"[21:15]", or "[22]" for one bit, as the Arm ARM writes ranges.</summary>
    public string Range => Width == 1 ? $"[{Lsb}]" : $"[{Msb}:{Lsb}]";
}

/// <summary>
/// Reads the picture string the generator keeps in <see cref="FormInfo.Picture"/> (the table's own syntax:
/// <c>name:width</c>, <c>name:width!=bits</c>, <c>name=bits</c>, runs of <c>0 1 x</c>), msb first.
/// </summary>
public static class BitPicture
{
    public static IReadOnlyList<PictureField> Parse(string picture)
    {
        var fields = new List<PictureField>();
        int msb = 31;
        foreach (string token in picture.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var field = ParseToken(token, msb);
            fields.Add(field);
            msb = field.Lsb - 1;
        }
        if (msb != -1)
            throw new FormatException($"bit picture '{picture}' covers {31 - msb} bits, not 32");
        return fields;
    }

    static PictureField ParseToken(string token, int msb)
    {
        int colon = token.IndexOf(':');
        if (colon > 0)
        {
            string[] parts = token[(colon + 1)..].Split("!=");
            int width = int.Parse(parts[0]);
            return new PictureField(token[..colon], msb, msb - width + 1, null, parts[1..]);
        }
        int eq = token.IndexOf('=');
        if (eq > 0)
        {
            string bits = token[(eq + 1)..];
            return new PictureField(token[..eq], msb, msb - bits.Length + 1, bits, []);
        }
        return new PictureField(null, msb, msb - token.Length + 1, token, []);
    }
}
