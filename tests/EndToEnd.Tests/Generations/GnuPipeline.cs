namespace A64Asm.EndToEnd.Tests.Generations;

/// <summary>The kernel's pipeline for a generation case, as tools/gen-generations.sh runs it.</summary>
static class GnuPipeline
{
    public sealed record Result(string Preprocessed, string Image, string Symbols);

    public static Result Build(GenerationCase c, string dir)
    {
        string pre = Path.Combine(dir, "g.s"), obj = Path.Combine(dir, "g.o"), elf = Path.Combine(dir, "g.elf"), bin = Path.Combine(dir, "g.bin");
        string[] endian = c.BigEndian ? ["-EB"] : [];
        Check(c, Gnu.Run("gcc",
            ["-E", "-nostdinc", .. c.CppFlags, .. c.BigEndian ? ["-mbig-endian"] : Array.Empty<string>(), c.SourcePath, "-o", pre]));
        Check(c, Gnu.Run("as", [.. endian, .. c.Sample.AsFlags, pre, "-o", obj]));
        Check(c, Gnu.Run("ld", [.. endian, "-Ttext=0", "-e", "0", obj, "-o", elf]));
        Check(c, Gnu.Run("objcopy",
            ["-O", "binary", .. c.Sample.Section is { } s ? ["-j", s] : Array.Empty<string>(), elf, bin]));
        var nm = Gnu.Run("nm", elf);
        Check(c, nm);
        string syms = Path.Combine(dir, "g.syms");
        File.WriteAllText(syms, nm.Stdout);
        return new Result(pre, bin, syms);
    }

    static void Check(GenerationCase c, ToolRun r) =>
        Assert.True(r.Status == 0, $"{c.Describe}: the GNU pipeline failed: {r.Stderr}");
}
