using A64Asm.Linker.Output;

namespace A64Asm.Linker.Tests.Features;

/// <summary>ar archives as link inputs: members pulled in for undefined symbols as GNU ld pulls them.</summary>
public class ArchiveTests
{
    const string Main = """
        .text
        .globl _start
        _start: bl helper
            ret
        """;

    static readonly (string, string)[] Members =
    [
        // Never referenced: pulling it would also make _start a multiple definition.
        ("unused", ".text\n.globl _start, unused\n_start: unused: nop\n"),
        // Pulled second, for a symbol the first pulled member refers to (ld's next pass over the index).
        ("deep_member_with_a_long_name", ".section .rodata\n.globl table_in_lib\ntable_in_lib: .quad 7, deep\n.text\n.globl deep\ndeep: ret\n"),
        ("helper", ".text\n.globl helper\nhelper: b deep\n"),
    ];

    [OracleFact]
    public void Members_are_pulled_for_undefined_symbols_and_give_GNU_ld_s_image()
    {
        using var link = new GnuLink(Main);
        var lib = link.Archive("libk.a", Members);
        string[] args = ["-Ttext=0x80000"];
        var expected = link.Reference([.. link.Objects, lib], ["-e", "0", "-Map", "ref.map", .. args]);
        var image = A64Asm.Linker.Linker.Link([link.Input("o0.o"), link.Input(lib)], GnuLink.Options(args));
        ImageComparison.AssertSame(expected, image.Flat);
        Assert.False(image.Symbols.ContainsKey("unused"));

        // ld's first table: which member, for whom, for which symbol.
        string Table(string map) => string.Join('\n', map.Replace("\r", "").Split("\n\n")[1].Split('\n'));
        var ours = LinkMapWriter.Write(image.Map!, "ref.elf");
        Assert.StartsWith("Archive member included to satisfy reference by file (symbol)\n\n", ours);
        Assert.Equal(Table(File.ReadAllText(link.Dir.Path("ref.map"))), Table(ours));
        Assert.Contains("libk.a(deep_member_with_a_long_name.o)\n                              libk.a(helper.o) (deep)", ours);
    }

    [OracleFact]
    public void An_archive_before_the_reference_is_not_searched_again()
    {
        using var link = new GnuLink(Main);
        var lib = link.Archive("libk.a", Members);
        var ld = Gnu.RunIn(link.Dir.Root, "ld", lib, "o0.o", "-o", "x.elf");
        Assert.NotEqual(0, ld.Status);
        Assert.Contains("undefined reference to `helper'", ld.Stderr);
        var error = Assert.Throws<LinkError>(() => A64Asm.Linker.Linker.Link([link.Input(lib), link.Input("o0.o")], new LinkerOptions()));
        Assert.Equal("o0.o:(.text+0x0): undefined reference to 'helper'", error.Message);
    }

    [OracleFact]
    public void An_archive_without_an_index_is_refused_as_ld_refuses_it()
    {
        using var link = new GnuLink(Main);
        Gnu.Object(".text\n.globl helper\nhelper: ret\n", link.Dir, "h");
        Tool.CheckIn(link.Dir.Root, Gnu.Prefix + "ar", "rcS", "noindex.a", "h.o");
        var ld = Gnu.RunIn(link.Dir.Root, "ld", "o0.o", "noindex.a", "-o", "x.elf");
        Assert.Contains("archive has no index; run ranlib to add one", ld.Stderr);
        var error = Assert.Throws<LinkError>(() => A64Asm.Linker.Linker.Link([link.Input("o0.o"), link.Input("noindex.a")], new LinkerOptions()));
        Assert.Equal("noindex.a: archive has no index; run ranlib to add one", error.Message);
    }

    [Fact]
    public void A_truncated_archive_names_what_is_missing()
    {
        var bytes = "!<arch>\nshort"u8.ToArray();
        var error = Assert.Throws<LinkError>(() => A64Asm.Linker.Linker.Link([new LinkerInput("cut.a", bytes)], new LinkerOptions()));
        Assert.Equal("cut.a: archive truncated (a member header at 0x8 needs 60 bytes, 5 left)", error.Message);
    }

    [Fact]
    public void A_member_larger_than_the_archive_is_refused()
    {
        var header = "m.o/            0           0     0     644     999       `\n";
        Assert.Equal(60, header.Length);
        var bytes = System.Text.Encoding.ASCII.GetBytes("!<arch>\n" + header + "abc");
        var error = Assert.Throws<LinkError>(() => A64Asm.Linker.Linker.Link([new LinkerInput("big.a", bytes)], new LinkerOptions()));
        Assert.Equal("big.a: archive truncated (member at 0x8 holds 999 bytes, 3 left)", error.Message);
    }
}

/// <summary>A weak undefined reference pulls nothing from an archive, as in ld: the call becomes a NOP.</summary>
public class ArchiveWeakReferenceTests
{
    [OracleFact]
    public void A_weak_reference_does_not_pull_a_member()
    {
        using var link = new GnuLink(".text\n.globl _start\n.weak helper\n_start: bl helper\nret\n");
        var lib = link.Archive("libw.a", ("helper", ".text\n.globl helper\nhelper: mov x0, #1\nret\n"));
        var expected = link.Reference([.. link.Objects, lib], "-Ttext=0x1000", "-e", "0");
        var image = A64Asm.Linker.Linker.Link([link.Input("o0.o"), link.Input(lib)], GnuLink.Options("-Ttext=0x1000"));
        ImageComparison.AssertSame(expected, image.Flat);
        Assert.Equal("1F2003D5C0035FD6", Convert.ToHexString(image.Flat));
        Assert.Empty(image.Map!.ArchiveMembers);
    }
}
