namespace A64Asm.TestSupport;

/// <summary>
/// The GNU cross tools (aarch64-linux-gnu-*) through <see cref="Tool"/>, and the steps of the kernel's pipeline the
/// tests compare with: as then objcopy for a section's bytes, ld then objcopy for a flat image.
/// </summary>
public static class Gnu
{
    public const string Prefix = "aarch64-linux-gnu-";

    /// <summary>Runs aarch64-linux-gnu-<paramref name="tool"/> in the repository's root.</summary>
    public static ToolRun Run(string tool, params string[] args) => Tool.Run(Prefix + tool, args);

    public static ToolRun RunIn(string workDir, string tool, params string[] args) => Tool.RunIn(workDir, Prefix + tool, args);

    /// <summary>As <see cref="Run"/>, failing the test when the tool exits non-zero.</summary>
    public static ToolRun Check(string tool, params string[] args) => Tool.Check(Prefix + tool, args);

    public static ToolRun CheckIn(string workDir, string tool, params string[] args) => Tool.CheckIn(workDir, Prefix + tool, args);

    /// <summary>GNU as on <paramref name="source"/>; the bytes of <paramref name="section"/> (none when gas made no such section).</summary>
    public static byte[] SectionBytes(string source, string section = ".text", params string[] asArgs)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("in.s"), source);
        CheckIn(dir.Root, "as", [.. asArgs, "in.s", "-o", "out.o"]);
        return SectionOf(dir, "out.o", section);
    }

    /// <summary>gcc -E -D__ASSEMBLY__ then GNU as on the file at <paramref name="sourcePath"/> (relative to the
    /// repository's root or absolute); the bytes of <paramref name="section"/>.</summary>
    public static byte[] PreprocessedSectionBytes(string sourcePath, IEnumerable<string> cppArgs, string section = ".text")
    {
        using var dir = new TempDir();
        PreprocessedObject(sourcePath, cppArgs, dir, "pre");
        return SectionOf(dir, "pre.o", section);
    }

    /// <summary>gcc -E -D__ASSEMBLY__ then GNU as, as the kernel's build runs them: NAME.s and NAME.o in
    /// <paramref name="dir"/>; the object's bytes.</summary>
    public static byte[] PreprocessedObject(string sourcePath, IEnumerable<string> cppArgs, TempDir dir, string name)
    {
        Check("gcc", ["-E", "-D__ASSEMBLY__", .. cppArgs, "-o", dir.Path(name + ".s"), sourcePath]);
        CheckIn(dir.Root, "as", name + ".s", "-o", name + ".o");
        return File.ReadAllBytes(dir.Path(name + ".o"));
    }

    /// <summary>Writes <paramref name="source"/> to NAME.s in <paramref name="dir"/>, assembles it to NAME.o there and
    /// returns the object's bytes.</summary>
    public static byte[] Object(string source, TempDir dir, string name = "in", params string[] asArgs)
    {
        File.WriteAllText(dir.Path(name + ".s"), source);
        CheckIn(dir.Root, "as", [.. asArgs, name + ".s", "-o", name + ".o"]);
        return File.ReadAllBytes(dir.Path(name + ".o"));
    }

    /// <summary>GNU ld then objcopy -O binary over objects in <paramref name="dir"/>: the reference flat image.</summary>
    public static byte[] LinkFlat(IEnumerable<string> objects, TempDir dir, params string[] ldArgs)
    {
        CheckIn(dir.Root, "ld", [.. ldArgs, .. objects, "-o", "ref.elf"]);
        CheckIn(dir.Root, "objcopy", "-O", "binary", "ref.elf", "ref.bin");
        return File.ReadAllBytes(dir.Path("ref.bin"));
    }

    private static byte[] SectionOf(TempDir dir, string obj, string section)
    {
        CheckIn(dir.Root, "objcopy", "-O", "binary", "-j", section, obj, "section.bin");
        return File.Exists(dir.Path("section.bin")) ? File.ReadAllBytes(dir.Path("section.bin")) : [];
    }
}
