using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing;

namespace A64Asm.Assembler.Layout;

/// <summary>A section being assembled: its location counter and the bytes emitted so far.</summary>
public sealed class AsmSection : ISectionRef
{
    private byte[] _data = new byte[256];

    public AsmSection(string name, SectionKind kind, SectionFlags flags, long entrySize = 0)
    {
        Name = name;
        Kind = kind;
        Flags = flags;
        EntrySize = entrySize;
    }

    public string Name { get; }
    public SectionKind Kind { get; set; }
    public SectionFlags Flags { get; set; }
    public long EntrySize { get; set; }
    public long Alignment { get; private set; } = 1;

    /// <summary>The location counter ('.') of this section in the current pass.</summary>
    public long Location { get; set; }

    /// <summary>Counts the places where GNU as would start a new fragment here (alignment, .space, .fill, .org): an
    /// unwind advance across one is kept even when it covers no bytes, and it ends the part a CIE can share.</summary>
    public long Fragment { get; set; }

    /// <summary>Made by a directive rather than named by the input (.ident's .comment): GNU as writes its section
    /// symbol after every other local.</summary>
    public bool SymbolLast { get; set; }

    /// <summary>Code sections pad alignment gaps with NOPs instead of zeros.</summary>
    public bool IsCode => (Flags & SectionFlags.Exec) != 0;

    public bool IsNoBits => Kind == SectionKind.NoBits;

    /// <summary>.struct's absolute section: not in the object; its labels are numbers and it holds no bytes.</summary>
    public bool IsAbsolute { get; init; }

    /// <summary>Literals of ldr =value not yet placed by .ltorg.</summary>
    public LiteralPool OpenPool { get; set; } = new();

    /// <summary>The subsection whose chain <see cref="Location"/> and <see cref="OpenPool"/> belong to.</summary>
    public long Subsection { get; set; }

    /// <summary>A label was defined at offset 0 before the tail began (so a negative subsection cannot come first).</summary>
    public bool LabelledAtStart { get; set; }

    /// <summary>Whether the last mark made here was data (in every pass; the mapping symbols follow only the emitting
    /// one): GNU as pads an instruction to a word only where it follows data.</summary>
    public bool MarkedData { get; set; }

    /// <summary>Whether subsection 0 was ever current (GNU as then has a fragment list for it).</summary>
    public bool ZeroEntered { get; set; }

    public void RequireAlignment(long alignment)
    {
        if (alignment > Alignment) Alignment = alignment;
    }

    /// <summary>The size limit (--max-section-size). Directives that take a size check it before they reserve
    /// (with the line in the message); this backstop catches a section grown by statements one at a time.</summary>
    public long MaxSize { get; set; } = AssemblerOptions.DefaultMaxSectionSize;

    /// <summary>Room for <paramref name="count"/> bytes at the location counter (emitting pass only).</summary>
    public Span<byte> Reserve(long count)
    {
        long end = Location + count;
        if (end > _data.Length)
        {
            if (end > MaxSize || end > Array.MaxLength)
                throw new Diagnostics.AsmError(null, $"section {Name} would be {end} bytes long, which exceeds the limit of " +
                                                     $"{Math.Min(MaxSize, Array.MaxLength)} (use --max-section-size to raise it)");
            long size = Math.Max(end, _data.Length * 2L);
            Array.Resize(ref _data, (int)Math.Min(size, Math.Min(MaxSize, Array.MaxLength)));
        }
        var span = _data.AsSpan((int)Location, (int)count);
        Location = end;
        return span;
    }

    /// <summary>Bytes already written, for fixups resolved at the end.</summary>
    public Span<byte> At(long offset, int count) => IsNoBits ? new byte[count] : _data.AsSpan((int)offset, count);

    /// <summary>The section's bytes for the object; its own buffer when that is exactly full (no copy of a large
    /// section), as nothing writes to it once the object is built.</summary>
    public byte[] Contents(long size) =>
        IsNoBits ? Array.Empty<byte>() : size == _data.Length ? _data : _data.AsSpan(0, (int)size).ToArray();

    public override string ToString() => Name;
}
