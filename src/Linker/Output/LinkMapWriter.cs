using System.Text;

namespace A64Asm.Linker.Output;

/// <summary>
/// The link map (-Map FILE) in GNU ld's layout, so that whoever reads ld's maps can read ours: the archive members
/// pulled in and why, the input sections dropped (--gc-sections, /DISCARD/), the memory configuration, the --defsym values, the files loaded, then each output section with
/// its address and size, each input section with its address, size and file, padding as *fill*, and the global
/// symbols each input section defines, by value. ld's lines for its own script's statements, which a64asm does not
/// run, are not written.
/// </summary>
public static class LinkMapWriter
{
    // ld's SECTION_NAME_MAP_LENGTH: the column where addresses start.
    const int NameColumn = 16;

    public static string Write(LinkMapData map, string output)
    {
        var w = new StringBuilder();
        if (map.ArchiveMembers.Count > 0)
        {
            w.Append("Archive member included to satisfy reference by file (symbol)\n\n");
            foreach (var member in map.ArchiveMembers)
            {
                w.Append(member.Member);
                // ld starts the reason at column 30, on a line of its own when the member's name reaches it.
                if (member.Member.Length >= 29) w.Append('\n').Append(' ', 30);
                else w.Append(' ', 30 - member.Member.Length);
                w.Append($"{member.ReferencedBy} ({member.Symbol})\n");
            }
        }
        if (map.Discarded.Count > 0)
        {
            w.Append("\nDiscarded input sections\n\n");
            foreach (var input in map.Discarded)
                Input(w, input);
        }
        w.Append("\nMemory Configuration\n\n");
        w.Append("Name             Origin             Length             Attributes\n");
        w.Append("*default*        0x0000000000000000 0xffffffffffffffff\n\n");
        w.Append("Linker script and memory map\n\n");
        foreach (var (section, address) in map.SectionStarts)
            w.Append($"Address of section {section} set to 0x{address:x}\n");
        foreach (var (defsym, value) in map.Defsyms)
            Assignment(w, value, $"{defsym.Name} = {defsym.Expression.Text}");
        if (!map.LoadedAfterLayout) Loaded(w, map);
        foreach (var section in map.Outputs)
        {
            if (section.Assignment is not null)
            {
                Assignment(w, section.Address, section.Assignment, section.NotProvided);
                continue;
            }
            w.Append('\n').Append(section.Name);
            Pad(w, section.Name.Length);
            w.Append($"0x{section.Address:x16} {Size(section.Size)}\n");
            foreach (var input in section.Inputs)
            {
                if (input.Assignment is not null)
                {
                    Assignment(w, input.Address, input.Assignment, input.NotProvided);
                    continue;
                }
                if (input.Fill is not null)
                {
                    w.Append(" *fill*");
                    Pad(w, 7);
                    w.Append($"0x{input.Address:x16} {Size(input.Size)} {input.Fill}\n");
                    continue;
                }
                Input(w, input);
                foreach (var symbol in input.Symbols)
                    w.Append(' ', NameColumn).Append($"0x{symbol.Value:x16}").Append(' ', NameColumn).Append(symbol.Name).Append('\n');
            }
        }
        if (map.LoadedAfterLayout) Loaded(w, map);
        w.Append($"OUTPUT({output} elf64-{(map.BigEndian ? "big" : "little")}aarch64)\n");
        return w.ToString();
    }

    static void Loaded(StringBuilder w, LinkMapData map)
    {
        foreach (var file in map.Loaded)
            w.Append($"LOAD {file}\n");
    }

    static void Assignment(StringBuilder w, ulong value, string text, bool notProvided = false) =>
        w.Append(' ', NameColumn).Append(notProvided ? "[!provide]        " : $"0x{value:x16}").Append(' ', NameColumn).Append(text).Append('\n');

    static void Input(StringBuilder w, MapInput input)
    {
        w.Append(' ').Append(input.Section);
        Pad(w, input.Section.Length + 1);
        w.Append($"0x{input.Address:x16} {Size(input.Size)} {input.Object}\n");
    }

    // A name that reaches the address column ends its line, and the address starts the next, as in ld.
    static void Pad(StringBuilder w, int length)
    {
        if (length >= NameColumn - 1) w.Append('\n').Append(' ', NameColumn);
        else w.Append(' ', NameColumn - length);
    }

    // ld's %W: "0x" and the hex digits, right-aligned in ten columns.
    static string Size(ulong size) => $"0x{size:x}".PadLeft(10);
}
