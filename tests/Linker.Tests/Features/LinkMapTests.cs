using System.Text.RegularExpressions;
using A64Asm.Linker.Output;

namespace A64Asm.Linker.Tests.Features;

/// <summary>-Map: the lines that describe output sections, input sections, padding and symbols are ld's lines.</summary>
public partial class LinkMapTests
{
    const string Main = """
        .text
        .globl _start
        _start: bl helper
            ldr x0, =table
            ret
        .section .kexec_relocate.text,"ax"
        .globl arm64_relocate_new_kernel
        arm64_relocate_new_kernel: nop
        .section .rodata
        .globl table
            .byte 1
        table: .quad 2
        .data
        .globl d1, d2
        d2: .word 1
        d1: .word 2
        """;

    const string Helper = """
        .text
        .balign 16
        .globl helper
        helper: ret
        .weak wk
        wk: nop
        .bss
        .globl buf
        buf: .skip 20
        """;

    [GeneratedRegex(@"^(?<name>\S+)\s+0x[0-9a-f]{16}\s+0x(?<size>[0-9a-f]+)$")]
    private static partial Regex OutputLine();
    [GeneratedRegex(@"^ (\S+|\*fill\*)\s+0x[0-9a-f]{16}\s+0x[0-9a-f]+( .*)?$")]
    private static partial Regex InputLine();
    [GeneratedRegex(@"^ {16}0x[0-9a-f]{16} {16}\S+$")]
    private static partial Regex SymbolLine();
    [GeneratedRegex(@"^ {16}0x[0-9a-f]{16} {16}\S+ = ")]
    private static partial Regex AssignmentLine();

    /// <summary>The lines of a map about non-empty output sections (ld's long names wrapped onto the next line are joined).</summary>
    static List<string> Layout(string map)
    {
        var lines = map.Replace("\r", "").Split('\n').ToList();
        var joined = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (i + 1 < lines.Count && Regex.IsMatch(lines[i], @"^ ?\S+$") && Regex.IsMatch(lines[i + 1], @"^ {16}0x[0-9a-f]{16} +0x"))
                joined.Add(lines[i] + "\t" + lines[++i].TrimStart());
            else
                joined.Add(lines[i]);
        }
        var kept = new List<string>();
        bool inSection = false;
        foreach (var line in joined.Select(l => l.Replace("\t", " ")))
        {
            if (OutputLine().Match(Regex.Replace(line, " +", " ")) is { Success: true } m && !line.StartsWith(' '))
            {
                inSection = m.Groups["size"].Value != "0";
                if (inSection) kept.Add(line);
            }
            else if (!line.StartsWith(' ') && line.Length > 0)
                inSection = false;
            else if (inSection && (InputLine().IsMatch(line) && !line.StartsWith(" *(") || SymbolLine().IsMatch(line)))
                kept.Add(line);
        }
        return kept;
    }

    [OracleFact]
    public void Sections_inputs_padding_and_symbols_are_written_as_ld_writes_them()
    {
        using var link = new GnuLink(Main, Helper);
        string[] args = ["-Ttext=0x80000", "--defsym", "limit=0x1000", "--defsym", "after=helper+4"];
        link.Reference(link.Objects, ["-e", "0", "-Map", "ref.map", .. args]);
        var image = A64Asm.Linker.Linker.Link(link.Objects.Select(link.Input).ToList(), GnuLink.Options(args));
        string ours = LinkMapWriter.Write(image.Map!, "ref.elf");
        string theirs = File.ReadAllText(link.Dir.Path("ref.map"));

        var expected = Layout(theirs);
        Assert.Contains(expected, l => l.StartsWith(" *fill*") && l.EndsWith(" 1f2003d5"));   // the test covers NOP padding
        Assert.Contains(" .kexec_relocate.text", expected.Select(l => l[..21]));                 // and a wrapped name
        Assert.Equal(string.Join('\n', expected), string.Join('\n', Layout(ours)));
        Assert.Equal(
            theirs.Split('\n').Where(l => AssignmentLine().IsMatch(l)).Take(2),
            ours.Split('\n').Where(l => AssignmentLine().IsMatch(l)));
        Assert.Equal(theirs.Split('\n').Where(l => l.StartsWith("LOAD o")), ours.Split('\n').Where(l => l.StartsWith("LOAD ")));
        Assert.Equal(theirs.Split('\n').Where(l => l.StartsWith("Address of section")), ours.Split('\n').Where(l => l.StartsWith("Address of section")));
        Assert.Contains("Address of section .text set to 0x80000", ours);
    }

    [OracleFact]
    public void An_empty_bss_stays_empty_as_in_ld()
    {
        // The default script's ". = ALIGN(. != 0 ? 8 : 1)" sees '.' as the offset inside .bss: no bytes, no padding.
        using var link = new GnuLink("nop\n");
        link.Reference(link.Objects, ["-e", "0", "-Map", "ref.map", "-Ttext=0"]);
        var image = A64Asm.Linker.Linker.Link(link.Objects.Select(link.Input).ToList(), GnuLink.Options(["-Ttext=0"]));
        var expected = Layout(File.ReadAllText(link.Dir.Path("ref.map")));
        Assert.Equal(string.Join('\n', expected), string.Join('\n', Layout(LinkMapWriter.Write(image.Map!, "ref.elf"))));
        Assert.DoesNotContain(image.Sections, s => s.Name == ".bss");
    }

    [OracleFact]
    public void A_script_link_s_sections_inputs_and_symbols_are_ld_s()
    {
        using var link = new GnuLink(Main, Helper);
        File.WriteAllText(link.Dir.Path("s.ld"), """
            SECTIONS {
              . = 0x2000;
              .text : { *(.text) }
              .rodata ALIGN(0x40) : { *(.rodata) }
              .data : { *(.data) }
              .bss : { *(.bss) }
            }
            """);
        link.Reference(link.Objects, "-T", "s.ld", "-e", "0", "-Map", "ref.map");
        var image = A64Asm.Linker.Linker.Link(link.Objects.Select(link.Input).ToList(), link.ScriptOptions("-T", "s.ld"));
        var expected = Layout(File.ReadAllText(link.Dir.Path("ref.map")));
        Assert.Contains(expected, l => l.StartsWith(".kexec_relocate.text"));   // an orphan, placed by ld's rule
        Assert.Equal(string.Join('\n', expected), string.Join('\n', Layout(LinkMapWriter.Write(image.Map!, "ref.elf"))));
    }

    /// <summary>The memory map part of a map without what only ld has: its script's "*(...)" lines, its own empty
    /// sections (.iplt, .rela.dyn, .igot.plt), "/DISCARD/", LOAD lines of its stubs, blank lines and OUTPUT.</summary>
    static List<string> MemoryMap(string map)
    {
        var lines = map.Replace("\r", "").Split('\n');
        var kept = new List<string>();
        bool skipping = false;
        foreach (var line in lines.SkipWhile(l => l != "Linker script and memory map"))
        {
            if (line.Length == 0 || line.StartsWith(" *(") || line.StartsWith("OUTPUT(") || line.StartsWith("LOAD linker") || line == "/DISCARD/")
                continue;
            if (!line.StartsWith(' ') && OutputLine().Match(Regex.Replace(line, " +", " ")) is { Success: true } m)
                skipping = m.Groups["size"].Value == "0";
            else if (skipping && line.StartsWith(" ."))
                continue;
            else if (!line.StartsWith(" ."))
                skipping = false;
            if (!skipping) kept.Add(line);
        }
        return kept;
    }

    [OracleFact]
    public void A_script_s_assignments_padding_and_provides_are_listed_where_ld_lists_them()
    {
        using var link = new GnuLink(Main, Helper);
        File.WriteAllText(link.Dir.Path("s.ld"), """
            SECTIONS {
              limit = 0x77;
              . = 0x1000;
              .text : { *(.text) }
              . = ALIGN(0x100);
              start_of_data = .;
              .data : { d0 = .; *(.data) . = ALIGN(16); tail = .; . += 8; }
              x = -4;
              y = ~start_of_data + 1;
              PROVIDE(unused_p = 1);
              z = ADDR(.data) + SIZEOF(.data);
              /DISCARD/ : { *(.comment*) }
            }
            """);
        link.Reference(link.Objects, "-T", "s.ld", "-e", "0", "-Map", "ref.map");
        var image = A64Asm.Linker.Linker.Link(link.Objects.Select(link.Input).ToList(), link.ScriptOptions("-T", "s.ld"));
        var expected = MemoryMap(File.ReadAllText(link.Dir.Path("ref.map")));
        Assert.Contains("                0x0000000000001100                . = ALIGN (0x100)", expected);
        Assert.Contains("                [!provide]                        PROVIDE (unused_p = 0x1)", expected);
        Assert.Equal(string.Join('\n', expected), string.Join('\n', MemoryMap(LinkMapWriter.Write(image.Map!, "ref.elf"))));
    }
}
