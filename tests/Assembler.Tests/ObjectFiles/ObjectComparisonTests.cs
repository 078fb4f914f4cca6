using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;

namespace A64Asm.Assembler.Tests.ObjectFiles;

/// <summary>
/// Whole objects against GNU as: `readelf -S -s -r -W` of a64asm's object and of gas's object for the same input
/// are equal line for line (section list and file layout, symbols including mapping and section symbols in
/// gas's order, relocations), and then the two files byte for byte. Inputs live in tests/vectors/elf; the sample is assembled at two page sizes.
/// </summary>
public class ObjectComparisonTests
{
    private static readonly string VectorDir = Path.Combine(Repo.Root, "tests", "vectors", "elf");

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(VectorDir).Where(f => f.EndsWith(".s") || f.EndsWith(".S")).Order())
            data.Add(Path.GetFileName(file));
        return data;
    }

    [OracleTheory]
    [MemberData(nameof(Vectors))]
    public void Vector_object_matches_GNU_as(string name)
    {
        string path = Path.Combine(VectorDir, name);
        var cppFlags = FlagsOf(path, "// cpp:");
        if (name.StartsWith("debug-", StringComparison.Ordinal))
            AssertSameDebugObject(name, FlagsOf(path, "// as:"));
        else
            AssertSameObject(path, cppFlags, FlagsOf(path, "// as:"));
    }

    /// <summary>
    /// A debug-*.s vector: its line table names its files as given, and its unit the directory gas ran in, so both
    /// assemblers read it from a scratch folder (with the debug-* files beside it) under its bare name, and gas maps
    /// that folder to '.', which is what a64asm writes as DW_AT_comp_dir. -g, --gdwarf-N and -EB from the `// as:` line.
    /// </summary>
    private static void AssertSameDebugObject(string name, List<string> asFlags)
    {
        using var scratch = new TempDir();
        string dir = scratch.Root;
        foreach (var file in Directory.GetFiles(VectorDir, "debug-*"))
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        var options = new AssemblerOptions
        {
            ReadFile = p => File.Exists(Path.Combine(dir, p)) ? File.ReadAllText(Path.Combine(dir, p)) : null,
        };
        foreach (var flag in asFlags)
            options.DwarfVersion = flag == "-g" ? 2 : flag.StartsWith("--gdwarf-") ? flag[^1] - '0' : options.DwarfVersion;
        options.BigEndian = asFlags.Contains("-EB");
        Assert.Equal(asFlags.Count, asFlags.Count(f => f is "-g" or "-EB" || f.StartsWith("--gdwarf-")));
        var obj = AsmDriver.Assemble(name, options, new CollectingDiagnostics());
        File.WriteAllBytes(Path.Combine(dir, "ours.o"), ElfObjectWriter.Write(obj));
        Gnu.CheckIn(dir, "as", [.. asFlags, $"--debug-prefix-map={dir}=.", name, "-o", "gas.o"]);
        CompareObjects(name, obj, Path.Combine(dir, "ours.o"), Path.Combine(dir, "gas.o"));
    }

    [OracleTheory]
    [InlineData(12)]
    [InlineData(16)]
    public void Sample_object_matches_GNU_as(int pageShift) =>
        AssertSameObject(Path.Combine(Repo.Root, "samples", "relocate_kernel.S"),
            ["-I", Path.Combine(Repo.Root, "samples", "include"), $"-DPAGE_SHIFT={pageShift}"]);

    /// <summary>-g on the sample through the preprocessor: rows name the files gcc -E's line markers name, as
    /// given (relative), with gas's comp_dir mapped to '.' as a64asm writes it.</summary>
    [OracleFact]
    public void Sample_object_with_line_table_matches_GNU_as()
    {
        using var scratch = new TempDir();
        string dir = scratch.Root;
        CopyTree(Path.Combine(Repo.Root, "samples"), dir);
        var options = new AssemblerOptions
        {
            DwarfVersion = 2,
            ReadFile = p => File.Exists(Path.Combine(dir, p)) ? File.ReadAllText(Path.Combine(dir, p)) : null,
        };
        options.IncludeDirs.Add("include");
        options.Defines.Add(new("PAGE_SHIFT", "12"));
        var obj = AsmDriver.Assemble("relocate_kernel.S", options, new CollectingDiagnostics());
        File.WriteAllBytes(Path.Combine(dir, "ours.o"), ElfObjectWriter.Write(obj));
        Gnu.CheckIn(dir, "gcc", "-E", "-D__ASSEMBLY__", "-I", "include", "-DPAGE_SHIFT=12", "-o", "pre.s", "relocate_kernel.S");
        Gnu.CheckIn(dir, "as", "-g", $"--debug-prefix-map={dir}=.", "pre.s", "-o", "gas.o");
        Assert.Contains(obj.Sections, s => s.Name == ".debug_line");
        CompareObjects("relocate_kernel.S -g", obj, Path.Combine(dir, "ours.o"), Path.Combine(dir, "gas.o"));
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static List<string> FlagsOf(string path, string marker) =>
        File.ReadLines(path).Where(l => l.StartsWith(marker))
            .SelectMany(l => l[marker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

    private static void AssertSameObject(string path, List<string> cppFlags, List<string>? asFlags = null)
    {
        asFlags ??= [];
        using var scratch = new TempDir();
        string dir = scratch.Root;
        string ours = Path.Combine(dir, "ours.o"), theirs = Path.Combine(dir, "gas.o");
        var options = Options(cppFlags);
        options.BigEndian = asFlags.Contains("-EB");
        var obj = AsmDriver.Assemble(path, options, new CollectingDiagnostics());
        File.WriteAllBytes(ours, ElfObjectWriter.Write(obj));
        string input = path;
        if (path.EndsWith(".S"))
        {
            input = Path.Combine(dir, "pre.s");
            Gnu.Check("gcc", ["-E", "-D__ASSEMBLY__", .. cppFlags, "-o", input, path]);
        }
        Gnu.Check("as", [.. asFlags, input, "-o", theirs]);
        CompareObjects(Path.GetFileName(path), obj, ours, theirs);
    }

    private static void CompareObjects(string name, ObjectFile obj, string ours, string theirs)
    {
        // The contents too: relocations at the right offsets over the wrong bytes would pass -S -s -r alone.
        var hexDumps = obj.Sections.Where(s => s.Data.Length > 0).SelectMany(s => new[] { "-x", s.Name }).ToArray();
        var expected = Gnu.Check("readelf", ["-S", "-s", "-r", "-W", .. hexDumps, theirs]).Stdout.Replace(theirs, "OBJ").Split('\n');
        var actual = Gnu.Check("readelf", ["-S", "-s", "-r", "-W", .. hexDumps, ours]).Stdout.Replace(ours, "OBJ").Split('\n');
        var differing = Enumerable.Range(0, Math.Max(expected.Length, actual.Length))
            .Where(i => i >= expected.Length || i >= actual.Length || expected[i] != actual[i])
            .Select(i => $"line {i + 1}:\n  gas:    {(i < expected.Length ? expected[i] : "(none)")}\n  a64asm: {(i < actual.Length ? actual[i] : "(none)")}")
            .ToList();
        Assert.True(differing.Count == 0,
            $"readelf -S -s -r -W -x differs for {name}:\n{string.Join("\n", differing.Take(40))}");
        // And the file itself, byte for byte: what readelf does not show (string table order, padding) included.
        byte[] expectedBytes = File.ReadAllBytes(theirs), actualBytes = File.ReadAllBytes(ours);
        int first = Enumerable.Range(0, Math.Min(expectedBytes.Length, actualBytes.Length)).FirstOrDefault(i => expectedBytes[i] != actualBytes[i], -1);
        Assert.True(first < 0 && expectedBytes.Length == actualBytes.Length,
            $"{name}: the object differs from gas's at byte {(first < 0 ? Math.Min(expectedBytes.Length, actualBytes.Length) : first)} " +
            $"({actualBytes.Length} bytes against {expectedBytes.Length})");
    }

    private static AssemblerOptions Options(List<string> cppFlags)
    {
        var options = new AssemblerOptions();
        for (int i = 0; i < cppFlags.Count; i++)
        {
            if (cppFlags[i] == "-I") options.IncludeDirs.Add(cppFlags[++i]);
            else if (cppFlags[i].StartsWith("-D"))
            {
                var def = cppFlags[i][2..].Split('=', 2);
                options.Defines.Add(new(def[0], def.Length > 1 ? def[1] : "1"));
            }
        }
        return options;
    }
}
