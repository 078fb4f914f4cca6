namespace A64Asm.Assembler.Preprocessing;

/// <summary>A #if value: cpp computes in intmax_t / uintmax_t, 64 bits here.</summary>
internal readonly record struct PpValue(ulong Bits, bool IsUnsigned)
{
    public static PpValue Signed(long v) => new((ulong)v, false);
    public static PpValue Bool(bool b) => new(b ? 1UL : 0UL, false);

    public long AsSigned => (long)Bits;
    public bool IsTrue => Bits != 0;
    public bool IsNegative => !IsUnsigned && (long)Bits < 0;
}
