namespace A64Asm.Linker.Layout;

/// <summary>One input-section statement of a script, e.g. *(.text .stub .text.*); SORT(...) when sorted by name.</summary>
internal sealed record InputStatement(string[] Patterns, bool SortByName = false);

/// <summary>An output section of the default script: its name, statements, and the fill for gaps between inputs.</summary>
internal sealed record OutputRule(string Name, InputStatement[] Statements, byte[]? Fill = null);

/// <summary>
/// The part of GNU ld's default aarch64-linux script (ld --verbose) that a flat image needs, in its order: code,
/// read-only data, then — after DATA_SEGMENT_ALIGN — the writable sections. Dynamic-linking, TLS, GOT and
/// exception-table sections are left out; an input section of another name becomes an orphan and is placed the
/// way ld places orphans: after the last output section with the same kind of contents.
/// </summary>
internal static class DefaultScript
{
    /// <summary>The text sections' fill, =0x1f2003d5: the bytes of a NOP in memory order.</summary>
    public static readonly byte[] NopFill = [0x1f, 0x20, 0x03, 0xd5];

    public static readonly OutputRule[] CodeAndReadOnly =
    [
        new(".text",
        [
            new([".text.unlikely", ".text.*_unlikely", ".text.unlikely.*"]),
            new([".text.exit", ".text.exit.*"]),
            new([".text.startup", ".text.startup.*"]),
            new([".text.hot", ".text.hot.*"]),
            new([".text.sorted.*"], SortByName: true),
            new([".text", ".stub", ".text.*", ".gnu.linkonce.t.*"]),
        ], NopFill),
        new(".fini", [new([".fini"])], NopFill),
        new(".rodata", [new([".rodata", ".rodata.*", ".gnu.linkonce.r.*"])]),
        new(".rodata1", [new([".rodata1"])]),
    ];

    public static readonly OutputRule[] DataSegment =
    [
        new(".preinit_array", [new([".preinit_array"])]),
        new(".init_array", [new([".init_array.*", ".ctors.*"], SortByName: true), new([".init_array", ".ctors"])]),
        new(".fini_array", [new([".fini_array.*", ".dtors.*"], SortByName: true), new([".fini_array", ".dtors"])]),
        new(".data.rel.ro", [new([".data.rel.ro.local*", ".gnu.linkonce.d.rel.ro.local.*"]),
            new([".data.rel.ro", ".data.rel.ro.*", ".gnu.linkonce.d.rel.ro.*"])]),
        new(".data", [new([".data", ".data.*", ".gnu.linkonce.d.*"])]),
        new(".data1", [new([".data1"])]),
        new(".bss", [new([".dynbss"]), new([".bss", ".bss.*", ".gnu.linkonce.b.*"])]),
    ];

    /// <summary>The output section an orphan follows (ld's ldelf_place_orphan, reduced to the cases here).</summary>
    public static string OrphanAnchor(Input.InputSection section) =>
        section.IsNoBits ? ".bss"
        : section.IsExecutable ? ".text"
        : section.IsWritable ? ".data"
        : ".rodata";

    public static bool Matches(string pattern, string name) => Glob(pattern.AsSpan(), name.AsSpan());

    // ld's wildcards here are only '*' and '?'.
    private static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        while (pattern.Length > 0)
        {
            if (pattern[0] == '*')
            {
                var rest = pattern[1..];
                for (int skip = 0; skip <= name.Length; skip++)
                    if (Glob(rest, name[skip..])) return true;
                return false;
            }
            if (name.Length == 0 || (pattern[0] != '?' && pattern[0] != name[0])) return false;
            pattern = pattern[1..];
            name = name[1..];
        }
        return name.Length == 0;
    }
}
