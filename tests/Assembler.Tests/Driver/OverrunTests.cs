using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Tests.Driver;

public class OverrunTests
{
    [Fact]
    public void Sample_grown_past_the_control_page_fails_on_the_org_line()
    {
        // 4000 more bytes before .Lcopy_end (same line, so line numbers stay those of the file).
        string source = File.ReadAllText(Path.Combine(Repo.Root, "samples", "relocate_kernel.S"))
            .Replace(".Lcopy_end:", ".Lcopy_end: .skip 4000");
        var options = new AssemblerOptions();
        options.IncludeDirs.Add(Path.Combine(Repo.Root, "samples", "include"));
        var error = Assert.Throws<AsmError>(() =>
            AsmDriver.AssembleText("relocate_kernel.S", source, options, new CollectingDiagnostics()));
        Assert.Equal(
            "relocate_kernel.S:142:1: error: .org moves the location counter backwards: code before it ends at 0x1090, 144 bytes past 0x1000",
            error.Render().Split('\n')[0]);
        Assert.Equal(".org KEXEC_CONTROL_PAGE_SIZE", error.Render().Split('\n')[1].Trim());
    }

    [Fact]
    public void Defines_reach_the_preprocessor_and_defsyms_the_assembler()
    {
        var options = new AssemblerOptions();
        options.Defines.Add(new("COUNT", "3"));
        options.Defsyms.Add(new("BASE", 0x10));
        var obj = AsmDriver.AssembleText("d.S", ".data\n.byte COUNT, BASE\n", options, new CollectingDiagnostics());
        Assert.Equal(new byte[] { 3, 0x10 }, obj.Sections.Single(s => s.Name == ".data").Data);
    }

    [Fact]
    public void Errors_inside_a_macro_carry_the_expansion_chain()
    {
        string source = ".macro twice reg\n add \\reg, \\reg, \\reg\n frob \\reg\n.endm\n twice x1\n";
        var error = Assert.Throws<AsmError>(() => AsmDriver.AssembleText("m.s", source, new AssemblerOptions(), new CollectingDiagnostics()));
        string rendered = error.Render();
        Assert.StartsWith("m.s:3:", rendered);
        Assert.Contains("in macro 'twice' expanded from m.s:5", rendered);
    }

    [Fact]
    public void Missing_file_is_an_error_not_an_exception()
    {
        var error = Assert.Throws<AsmError>(() => AsmDriver.Assemble("no/such/file.s", new AssemblerOptions(), new CollectingDiagnostics()));
        Assert.Contains("no/such/file.s", error.Message);
    }
}
