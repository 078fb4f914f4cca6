using A64Asm.Verifier.Kexec;

namespace A64Asm.Fuzz;

/// <summary>
/// Makes input number <c>index</c> of a campaign: the target is chosen round-robin, everything else from
/// <see cref="FuzzRandom"/>(seed, index). Paths are written with {repo} and {dir} placeholders so a saved case
/// replays anywhere.
/// </summary>
public sealed class CaseFactory(Corpus corpus)
{
    /// <summary>Every target, in the order inputs are dealt to them.</summary>
    public static readonly string[] Targets = ["asm-mutate", "asm-grammar", "asm-forms", "preprocessor", "macro", "cli", "disasm", "explain", "verify", "offsets", "link"];

    public FuzzCase Make(string target, ulong seed, long index)
    {
        var r = new FuzzRandom(seed, index);
        var (files, args) = target switch
        {
            "asm-mutate" => Mutated(r),
            "asm-grammar" => (One("in.s", new StatementGenerator(r).Program(r.Count(20, 400))), []),
            // Mostly every row GNU names (the default, armv8-a, would refuse most extension rows before their operands).
            "asm-forms" => (One("in.s", new FormStatementGenerator(r).Program(r.Count(20, 400))), r.Chance(0.8) ? ["-march", "all"] : []),
            "preprocessor" => (One("in.S", new PreprocessorGenerator(r).Program()), ["-I", "{repo}/samples/include"]),
            "macro" => (One("in.s", new MacroGenerator(r).Program()), []),
            "cli" => Cli(r),
            "disasm" => Disasm(r),
            "explain" => ([], [Explained(r)]),
            "verify" => Verify(r),
            "offsets" => Offsets(r),
            "link" => Link(r),
            _ => throw new ArgumentException($"unknown target '{target}' (known: {string.Join(", ", Targets)})"),
        };
        return new FuzzCase(target, seed, index, files, args);
    }

    static CaseFile[] One(string name, string text) => [CaseFile.Text(name, text)];

    (CaseFile[], string[]) Mutated(FuzzRandom r)
    {
        var source = r.Pick(corpus.Texts);
        var args = new List<string>();
        foreach (var d in source.IncludeDirs) args.AddRange(["-I", Placeholder(d)]);
        foreach (var d in source.SystemIncludeDirs) args.AddRange(["-isystem", Placeholder(d)]);
        foreach (var f in source.ForcedIncludes) args.AddRange(["-include", Placeholder(f)]);
        return (One(source.Preprocess ? "in.S" : "in.s", new TextMutator(r).Mutate(source.Text)), args.ToArray());
    }

    string Placeholder(string path) => "{repo}" + path[corpus.RepoRoot.Length..];

    (CaseFile[], string[]) Cli(FuzzRandom r)
    {
        var (files, sourceArgs) = r.Chance(0.5) ? Mutated(r) : (One("in.s", new StatementGenerator(r).Program(r.Count(20, 200))), Array.Empty<string>());
        var args = new List<string> { "{dir}/" + files[0].Name };
        args.AddRange(sourceArgs);
        bool objectOnly = r.Chance(0.3);
        if (objectOnly) args.Add("-c");
        args.AddRange(["-o", objectOnly ? "{dir}/out.o" : "{dir}/out.bin"]);
        if (r.Chance(0.4)) args.AddRange(["--offsets", r.Pick(new[] { "{dir}/o.json", "{dir}/o.h", "{dir}/nodir/o.json", "{dir}" })]);
        if (r.Chance(0.3)) args.AddRange(["--listing", r.Pick(new[] { "{dir}/l.lst", "{dir}/nodir/l.lst" })]);
        if (r.Chance(0.2)) args.AddRange(["--verify", "--max-steps", "5000", "--pages", r.Pick(new[] { "1", "2", "0", "abc" })]);
        if (r.Chance(0.1)) args.AddRange([r.Pick(new[] { "--page-size", "--caches", "-Ttext", "--max-section-size", "--max-expansions", "--max-rept", "--max-line-length" }), r.Pick(new[] { "3K", "maybe", "0x1000", "0", "-1", "abc", "99999999999999999999", "4096" })]);
        if (r.Chance(0.1)) args.AddRange(["-j", r.Pick(new[] { ".text", ".data", ".none" })]);
        return (files, args.ToArray());
    }

    (CaseFile[], string[]) Disasm(FuzzRandom r)
    {
        var gen = new BinaryGenerator(r);
        byte[] bytes = r.Chance(0.5) && corpus.Objects.Count > 0 ? gen.Elf(corpus.Objects) : gen.Flat(corpus.Images);
        return ([new CaseFile("in.bin", bytes)], r.Chance(0.1) ? ["--base", r.Pick(new[] { "0x1000", "0x3", "-1", "0xffffffffffffff00", "x" })] : []);
    }

    static string Explained(FuzzRandom r) => r.Next(4) switch
    {
        0 => $"0x{r.NextU64() & 0xffffffff:x8}",
        1 => $"0x{r.NextU64():x}",
        2 => new StatementGenerator(r).Statement(),
        _ => new StatementGenerator(r).Instruction(),
    };

    static readonly string[] Conventions = ["patched-quads", "patched-globals", "spin-table", "regs", "regs-dtb", "kimage-struct"];

    /// <summary>verify's common options with small budgets: an input ends in milliseconds unless something is wrong.</summary>
    static List<string> VerifyOptions(FuzzRandom r)
    {
        var args = new List<string> { "--max-steps", r.Next(1, 20000).ToString(), "--pages", r.Next(1, 5).ToString() };
        if (r.Chance(0.3)) args.AddRange(["--page-size", r.Pick(new[] { "4K", "16K", "64K" })]);
        if (r.Chance(0.3)) args.AddRange(["--caches", "on"]);
        if (r.Chance(0.3)) args.AddRange(["--seed", r.NextU64().ToString()]);
        if (r.Chance(0.2)) args.Add("--json");
        if (r.Chance(0.1)) args.Add("--big-endian");
        return args;
    }

    (CaseFile[], string[]) Verify(FuzzRandom r)
    {
        var gen = new BinaryGenerator(r);
        var files = new List<CaseFile> { new("img.bin", r.Chance(0.3) ? corpus.SampleImage : gen.Flat(corpus.Images)) };
        var args = new List<string> { "verify", "{dir}/img.bin" };
        if (r.Chance(0.5))
        {
            bool json = r.Chance(0.5);
            files.Add(CaseFile.Text(json ? "o.json" : "o.h", gen.Offsets(json ? corpus.OffsetsJson : corpus.OffsetsHeader, json)));
            args.AddRange(["--offsets", "{dir}/" + files[^1].Name]);
        }
        if (r.Chance(0.6) || files.Count == 1)
        {
            string convention = r.Pick(Conventions);
            args.AddRange(["--convention", convention]);
            if (convention == "kimage-struct")
                foreach (var name in new[] { KimageFieldNames.Head, KimageFieldNames.Start, KimageFieldNames.DtbMem }.Where(_ => r.Chance(0.9)))
                    args.AddRange(["--kimage-field", $"{name}=0x{(r.Chance(0.8) ? (ulong)r.Next(0x200) * 8 : r.NextU64()):x}"]);
            if (r.Chance(0.2)) args.AddRange(["--mmu-at-entry", r.Pick(new[] { "on", "off" })]);
            if (r.Chance(0.1)) args.Add("--el2-stub");
        }
        args.AddRange(VerifyOptions(r));
        return (files.ToArray(), args.ToArray());
    }

    (CaseFile[], string[]) Offsets(FuzzRandom r)
    {
        bool json = r.Chance(0.5);
        var gen = new BinaryGenerator(r);
        var files = new[] { new CaseFile("img.bin", corpus.SampleImage), CaseFile.Text(json ? "o.json" : "o.h", gen.Offsets(json ? corpus.OffsetsJson : corpus.OffsetsHeader, json)) };
        var args = new List<string> { "verify", "{dir}/img.bin", "--offsets", "{dir}/" + files[1].Name };
        args.AddRange(VerifyOptions(r));
        return (files, args.ToArray());
    }

    (CaseFile[], string[]) Link(FuzzRandom r)
    {
        var gen = new BinaryGenerator(r);
        int count = r.Next(1, 4);
        var files = Enumerable.Range(0, count)
            .Select(i => new CaseFile($"in{i}.o", r.Chance(0.8) ? gen.Elf(corpus.Objects) : r.Pick(corpus.Objects)))
            .ToArray();
        var args = new List<string> { "link" };
        args.AddRange(files.Select(f => "{dir}/" + f.Name));
        args.AddRange(["-o", "{dir}/out.bin"]);
        if (r.Chance(0.3)) args.AddRange(["--offsets", r.Pick(new[] { "{dir}/o.json", "{dir}/o.h" })]);
        if (r.Chance(0.3)) args.Add($"-Ttext=0x{(r.Chance(0.7) ? (ulong)r.Next(0x10000) * 4 : r.NextU64()):x}");
        if (r.Chance(0.2)) args.AddRange(["--section-start", $".data=0x{r.NextU64():x}"]);
        if (r.Chance(0.2)) args.AddRange(["--format", r.Pick(new[] { "elf", "binary" })]);
        if (r.Chance(0.1)) args.AddRange(["-j", r.Pick(new[] { ".text", ".data", ".none" })]);
        return (files, args.ToArray());
    }
}
