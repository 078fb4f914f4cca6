namespace A64Asm.EndToEnd.Tests.Generations;

/// <summary>
/// Issue 12: every generation sample of relocate_kernel.S, for each page size and endianness its tree
/// supports, builds the image the kernel's GNU pipeline builds, from the .S file and from its gcc -E output.
/// Cases in pending.txt are not there yet: for them the tests check that they still differ, so the list
/// cannot keep a case that has been fixed.
/// </summary>
public class GenerationImageTests
{
    public static TheoryData<string> Cases => new(GenerationCase.All.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Source_builds_the_committed_GNU_image(string id)
    {
        var c = GenerationCase.ById(id);
        using var scratch = new TempDir();
        string dir = scratch.Root;
        var outcome = GenerationBuild.Ours(c, c.A64AsmFromSource(Path.Combine(dir, "ours.bin")), Path.Combine(dir, "ours.bin"));
        GenerationBuild.Judge(c, "from " + c.Sample.Source, outcome, File.ReadAllBytes(Repo.Path(c.ReferenceImage)),
            PendingList.Load().Find(c, preprocessed: false));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Preprocessed_output_builds_the_committed_GNU_image(string id)
    {
        var c = GenerationCase.ById(id);
        using var scratch = new TempDir();
        string dir = scratch.Root;
        string ours = Path.Combine(dir, "ours.bin");
        var outcome = GenerationBuild.Ours(c, c.A64AsmFromPreprocessed(c.ReferencePreprocessed, ours), ours);
        GenerationBuild.Judge(c, "from its gcc -E output " + Path.GetFileName(c.ReferencePreprocessed), outcome,
            File.ReadAllBytes(Repo.Path(c.ReferenceImage)), PendingList.Load().Find(c, preprocessed: true));
    }

    /// <summary>
    /// The committed references are what GNU builds today (gcc -E text, image, nm), and a64asm matches the live
    /// pipeline too, from the .S and from the live gcc -E output.
    /// </summary>
    [OracleTheory]
    [MemberData(nameof(Cases))]
    public void Live_GNU_pipeline_builds_the_committed_references_and_a64asm_matches_it(string id)
    {
        var c = GenerationCase.ById(id);
        using var scratch = new TempDir();
        string dir = scratch.Root;
        var gnu = GnuPipeline.Build(c, dir);
        Assert.True(File.ReadAllText(Repo.Path(c.ReferencePreprocessed)) == File.ReadAllText(gnu.Preprocessed),
            $"{c.Describe}: {c.ReferencePreprocessed} is not what gcc -E writes now; rerun tools/gen-generations.sh");
        Assert.True(File.ReadAllText(Repo.Path(c.ReferenceSymbols)) == File.ReadAllText(gnu.Symbols),
            $"{c.Describe}: {c.ReferenceSymbols} is not what nm prints now; rerun tools/gen-generations.sh");
        byte[] image = File.ReadAllBytes(gnu.Image);
        Assert.True(File.ReadAllBytes(Repo.Path(c.ReferenceImage)).AsSpan().SequenceEqual(image),
            $"{c.Describe}: {c.ReferenceImage} is not what the GNU pipeline builds now; rerun tools/gen-generations.sh");

        var pending = PendingList.Load();
        string ours = Path.Combine(dir, "ours.bin");
        if (pending.Find(c, preprocessed: false) is null)
            GenerationBuild.Judge(c, "from " + c.Sample.Source + " (live GNU)", GenerationBuild.Ours(c, c.A64AsmFromSource(ours), ours), image, null);
        string oursPre = Path.Combine(dir, "ours-pre.bin");
        if (pending.Find(c, preprocessed: true) is null)
            GenerationBuild.Judge(c, "from the live gcc -E output (live GNU)",
                GenerationBuild.Ours(c, c.A64AsmFromPreprocessed(gnu.Preprocessed, oursPre), oursPre), image, null);
    }

    [Fact]
    public void Pending_list_names_only_cases_that_exist()
    {
        var valid = PendingList.ValidNames();
        var unknown = PendingList.Load().Entries.Where(e => !valid.Contains(e.Name)).Select(e => $"line {e.Line}: '{e.Name}'").ToList();
        Assert.True(unknown.Count == 0, $"{PendingList.File} names no such sample or case: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Every_case_has_its_three_references_and_nothing_else_is_in_the_folder()
    {
        var expected = GenerationCase.All
            .SelectMany(c => new[] { c.ReferenceImage, c.ReferenceSymbols, c.ReferencePreprocessed })
            .Select(Path.GetFileName).Append("pending.txt").Order(StringComparer.Ordinal).ToList();
        var present = Directory.GetFiles(Repo.Path(GenerationCase.VectorFolder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, present);
    }

    [Fact]
    public void Every_sample_has_a_source_headers_a_known_convention_and_real_page_sizes()
    {
        Assert.Equal(11, GenerationSample.All.Count);
        Assert.Equal(2, GenerationSample.All.Count(s => s.HasBigEndian));
        foreach (var s in GenerationSample.All)
        {
            Assert.True(File.Exists(Repo.Path($"{s.Dir}/{s.Source}")), $"{s.Dir}: no {s.Source}");
            Assert.True(Directory.GetFiles(Repo.Path($"{s.Dir}/include"), "*.h", SearchOption.AllDirectories).Length > 0, $"{s.Dir}: no headers");
            Assert.Contains(s.Convention, GenerationSample.KnownConventions);
            Assert.NotEmpty(s.PageShifts);
            Assert.All(s.PageShifts, shift => Assert.Contains(shift, new[] { 12, 14, 16 }));
        }
    }

    [Fact]
    public void Sample_conf_refuses_an_unknown_key_and_a_missing_required_one()
    {
        var typo = Assert.Throws<FormatException>(() => GenerationSample.Parse("x", "source = a.S\npage_shift = 12\nconvention = spin-table\n"));
        Assert.Equal("samples/generations/x/sample.conf: unknown key 'page_shift'", typo.Message);
        var missing = Assert.Throws<FormatException>(() => GenerationSample.Parse("x", "# only a comment\nsource = a.S\nconvention = spin-table\n"));
        Assert.Equal("samples/generations/x/sample.conf: 'page_shifts' is required", missing.Message);
        var parsed = GenerationSample.Parse("x", "source = a.S\npage_shifts = 12 16\nendians = le be\ncppflags = -include {sample}/k.h\nsection = .s\nconvention = kimage-struct\nverify_flags = --kimage-fields {sample}/o.h\n");
        Assert.Equal(new[] { "-include", "samples/generations/x/k.h" }, parsed.CppFlags);
        Assert.Equal(new[] { 12, 16 }, parsed.PageShifts);
        Assert.True(parsed.HasBigEndian);
        Assert.Equal(".s", parsed.Section);
        Assert.Equal(new[] { "--kimage-fields", "samples/generations/x/o.h" }, parsed.VerifyFlags);
    }

    [Fact]
    public void Pending_list_matches_a_variant_line_or_an_exact_case()
    {
        var c = GenerationCase.ById("v4.8.ps16");
        var byVariant = PendingList.Parse("v4.8  # unknown option\n");
        Assert.Equal("unknown option", byVariant.Find(c, preprocessed: true)!.Note);
        Assert.NotNull(byVariant.Find(c, preprocessed: false));
        var oneInput = PendingList.Parse("# header\nv4.8.ps16.s # line markers\n");
        Assert.Null(oneInput.Find(c, preprocessed: false));
        Assert.Equal(2, oneInput.Find(c, preprocessed: true)!.Line);
        Assert.Null(PendingList.Parse("v4.8-be\n").Find(c, preprocessed: false));
    }
}
