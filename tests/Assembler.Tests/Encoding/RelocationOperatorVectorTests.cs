using System.Buffers.Binary;
using System.Text.RegularExpressions;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Tests.Layout;
using A64Asm.Isa.Fixups;
using A64Asm.TestSupport;
using Xunit.Sdk;

namespace A64Asm.Assembler.Tests.Encoding;

/// <summary>
/// tests/vectors/reloc/operators.vec: every relocation operator at every site, with GNU as 2.40's word and relocation
/// type or its refusal. a64asm must give the same word and type, or refuse too; the oracle test checks that GNU as
/// still says what the vectors say.
/// </summary>
public partial class RelocationOperatorVectorTests
{
    public sealed record Vector(int Line, string Statement, string? Word, string? Relocation, string? GnuError)
    {
        public override string ToString() => $"operators.vec:{Line}: {Statement}";
    }

    static readonly string VectorFile = Repo.Path("tests/vectors/reloc/operators.vec");

    [GeneratedRegex(@"^// GNU: ([0-9a-f]{8}) (\S+)$")]
    private static partial Regex Accepted();

    public static List<Vector> Vectors()
    {
        var list = new List<Vector>();
        string[] lines = File.ReadAllLines(VectorFile);
        for (int i = 0; i + 1 < lines.Length; i++)
        {
            if (lines[i].StartsWith("//", StringComparison.Ordinal) || lines[i].Length == 0) continue;
            string next = lines[i + 1];
            if (Accepted().Match(next) is { Success: true } m)
                list.Add(new Vector(i + 1, lines[i], m.Groups[1].Value, m.Groups[2].Value == "-" ? null : m.Groups[2].Value, null));
            else if (next.StartsWith("// GNU-ERROR: ", StringComparison.Ordinal))
                list.Add(new Vector(i + 1, lines[i], null, null, next["// GNU-ERROR: ".Length..]));
            else
                throw new InvalidDataException($"operators.vec:{i + 2}: expected a // GNU: or // GNU-ERROR: line");
        }
        return list;
    }

    [Fact]
    public void Every_operator_at_every_site_is_what_gnu_as_makes_of_it()
    {
        var vectors = Vectors();
        Assert.True(vectors.Count > 1900, $"{vectors.Count} vectors");
        var failures = new List<string>();
        foreach (var v in vectors)
        {
            string ours;
            try
            {
                var obj = Asm.Object(v.Statement + "\n");
                var text = obj.Sections.Single(s => s.Name == ".text");
                string word = BinaryPrimitives.ReadUInt32LittleEndian(text.Data).ToString("x8");
                var reloc = text.Relocations.SingleOrDefault();
                ours = $"{word} {(reloc is null ? "-" : Fixup.ElfName(reloc.Kind))}";
            }
            catch (AsmError e)
            {
                ours = "error: " + e.Render().Split('\n')[0];
            }
            string gnu = v.GnuError is null ? $"{v.Word} {v.Relocation ?? "-"}" : "error: " + v.GnuError;
            bool same = v.GnuError is null ? ours == gnu : ours.StartsWith("error: ", StringComparison.Ordinal);
            if (!same) failures.Add($"{v}\n    ours: {ours}\n    GNU:  {gnu}");
        }
        if (failures.Count > 0)
            throw new XunitException($"{failures.Count} of {vectors.Count} differ:\n" + string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public void Refusals_say_why_in_gnu_as_words()
    {
        Assert.Equal("test.s:1:10: error: this relocation modifier is not allowed on this instruction", Asm.ErrorLine("adrp x0, :lo12:sym\n"));
        Assert.Equal("test.s:1:14: error: this relocation modifier is not allowed on this instruction", Asm.ErrorLine("adds x0, x0, #:lo12:sym\n"));
        Assert.Equal("test.s:1:10: error: the specified relocation type is not allowed for MOVK", Asm.ErrorLine("movk x0, #:tprel_g1:sym\n"));
        Assert.Equal("test.s:1:10: error: the specified relocation type is not allowed for 32-bit register", Asm.ErrorLine("movz w0, #:dtprel_g2:sym\n"));
        Assert.Equal("test.s:1:9: error: relocation qualifier does not match instruction size", Asm.ErrorLine("ldr q0, [x0, #:tprel_lo12:sym]\n"));
        Assert.Equal("test.s:1:9: error: relocation :gotpage_lo14: (R_AARCH64_P32_LD32_GOTPAGE_LO14) cannot be represented in an ELF64 object",
            Asm.ErrorLine("ldr w0, [x0, #:gotpage_lo14:sym]\n"));
        Assert.Equal("test.s:1:10: error: unknown relocation modifier ':tlsldm_g1:'", Asm.ErrorLine("movz x0, #:tlsldm_g1:sym\n"));
    }

    [OracleFact(Oracle.GnuBinutils)]
    public void Gnu_as_still_says_what_the_vectors_say()
    {
        var vectors = Vectors();
        using var dir = new TempDir();
        // Refusals: one run over every statement; GNU names each refused line.
        string all = dir.Path("all.s");
        File.WriteAllLines(all, vectors.Select(v => v.Statement));
        var run = Gnu.Run("as", all, "-o", dir.Path("all.o"));
        var refused = new HashSet<int>(Regex.Matches(run.Stderr, @"all\.s:(\d+): Error:").Select(m => int.Parse(m.Groups[1].Value) - 1));
        // Accepted: one run over the accepted statements, read back with objdump -dr.
        var accepted = vectors.Where(v => v.GnuError is null).ToList();
        string ok = dir.Path("ok.s");
        File.WriteAllLines(ok, accepted.Select(v => v.Statement));
        var okRun = Gnu.Run("as", ok, "-o", dir.Path("ok.o"));
        Assert.True(okRun.Status == 0, okRun.Stderr);
        var dump = Gnu.Run("objdump", "-dr", dir.Path("ok.o")).Stdout;
        var words = Regex.Matches(dump, @"^\s+[0-9a-f]+:\s+([0-9a-f]{8})\s", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var relocs = Regex.Matches(dump, @"^\s+([0-9a-f]+): (R_AARCH64_\w+)", RegexOptions.Multiline)
            .ToDictionary(m => Convert.ToInt32(m.Groups[1].Value, 16) / 4, m => m.Groups[2].Value);
        var failures = new List<string>();
        for (int i = 0; i < vectors.Count; i++)
        {
            bool refusesNow = refused.Contains(i), vectorRefuses = vectors[i].GnuError is not null;
            // Refusals GNU makes only when it writes the object (ILP32 types) are not named by the first run.
            bool atWrite = vectors[i].GnuError?.StartsWith("cannot represent", StringComparison.Ordinal) == true;
            if (refusesNow != vectorRefuses && !(atWrite && !refusesNow))
                failures.Add($"{vectors[i]}: GNU as now {(refusesNow ? "refuses" : "accepts")} it");
        }
        Assert.Equal(accepted.Count, words.Count);
        for (int k = 0; k < accepted.Count; k++)
        {
            string gnu = $"{words[k]} {relocs.GetValueOrDefault(k, "-")}";
            if (gnu != $"{accepted[k].Word} {accepted[k].Relocation ?? "-"}") failures.Add($"{accepted[k]}: GNU as now gives {gnu}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }
}
