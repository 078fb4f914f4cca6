using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Tests.Layout;
using A64Asm.Isa.Fixups;

namespace A64Asm.Assembler.Tests.Encoding;

/// <summary>Instructions through the encoder, and how their fixups are resolved or kept (as GNU as does).</summary>
public class InstructionEncodingTests
{
    [Fact]
    public void Branches_to_local_labels_are_resolved()
    {
        // b .Lnext (+8), cbz x0, .Lnext (+4), then .Lnext: b.ne back to 0: gas 2.40 bytes.
        Assert.Equal("02000014" + "200000b4" + "c1ffff54", Asm.Hex("b .Lnext\ncbz x0, .Lnext\n.Lnext: b.ne 0b\n".Replace("0b", ".Ltop").Insert(0, ".Ltop:\n")));
    }

    [Fact]
    public void Branch_to_a_global_symbol_keeps_a_relocation()
    {
        var obj = Asm.Object(".globl g\nb g\nbl g\ng: ret\n");
        var text = obj.Sections.Single(s => s.Name == ".text");
        Assert.Equal(new[] { FixupKind.Branch26, FixupKind.Call26 }, text.Relocations.Select(r => r.Kind));
        Assert.All(text.Relocations, r => Assert.Equal("g", r.Symbol!.Name));
        Assert.Equal("00000014" + "00000094", Convert.ToHexString(text.Data, 0, 8).ToLowerInvariant());
    }

    [Fact]
    public void Undefined_symbols_become_global_relocation_targets()
    {
        var obj = Asm.Object("adrp x0, ext\nadd x0, x0, :lo12:ext\n");
        var relocs = obj.Sections.Single(s => s.Name == ".text").Relocations;
        Assert.Equal(new[] { FixupKind.AdrPage21, FixupKind.AddLo12 }, relocs.Select(r => r.Kind));
        Assert.Equal(SymbolBinding.Global, relocs[0].Symbol!.Binding);
        Assert.False(relocs[0].Symbol!.IsDefined);
    }

    [Fact]
    public void Adrp_to_a_local_label_is_relocated_against_it()
    {
        var relocs = Asm.Object("adrp x0, .Lhere\n.Lhere: nop\n").Sections.Single(s => s.Name == ".text").Relocations;
        var reloc = Assert.Single(relocs);
        Assert.Equal((FixupKind.AdrPage21, 4L), (reloc.Kind, reloc.Symbol!.Value + reloc.Addend));
    }

    [Fact]
    public void Register_aliases_work_in_instructions()
    {
        Assert.Equal(Asm.Hex("mov x5, x1\n"), Asm.Hex("dst .req x5\nmov dst, x1\n.unreq dst\n"));
    }

    [Fact]
    public void Symbols_defined_by_set_are_immediates()
    {
        Assert.Equal(Asm.Hex("add x0, x0, #24\n"), Asm.Hex(".set size, 3 * 8\nadd x0, x0, #size\n"));
        Assert.Equal(Asm.Hex("mov x0, #4\n"), Asm.Hex("four = 4\nmov x0, four\n"));
    }

    [Fact]
    public void Unknown_mnemonic_is_reported_at_the_mnemonic()
    {
        Assert.StartsWith("test.s:2:3: error: ", Asm.ErrorLine("nop\n  frob x0\n"));
    }

    [Fact]
    public void Branch_out_of_range_is_reported_at_the_target_operand()
    {
        var error = Asm.Error("tbz x0, #1, .Lfar\n.skip 0x10000\n.Lfar: nop\n");
        Assert.Equal((1, 13), (error.Location!.Pos.Line, error.Location.Pos.Column));
    }

    [Fact]
    public void Undefined_local_label_is_an_error()
    {
        Assert.Contains(".Lnowhere", Asm.Error("b .Lnowhere\n").Message);
    }
}
