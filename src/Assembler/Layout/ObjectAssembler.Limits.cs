using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Layout;

public sealed partial class ObjectAssembler
{
    /// <summary>--max-section-size: no section may grow past this many bytes (see <see cref="AsmSection.MaxSize"/>).</summary>
    public long MaxSectionSize
    {
        get => Sections.MaxSectionSize;
        init => Sections.MaxSectionSize = value;
    }

    /// <summary>Throws unless '.' may advance by <paramref name="count"/> bytes in the current section. Checked before
    /// anything is reserved, in 128-bit arithmetic so no user value (.fill 1&lt;&lt;62, 8) can wrap.</summary>
    private void CheckRoom(Int128 count, SourceLocation at, string what)
    {
        Int128 end = Current.Location + count;
        if (end <= MaxSectionSize)
            return;
        throw new AsmError(at, $"{what} would make section {Current.Name} {end} bytes long, " +
                               $"which exceeds the limit of {MaxSectionSize} (use --max-section-size to raise it)");
    }
}
