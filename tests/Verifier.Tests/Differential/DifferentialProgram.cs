using System.Text;
using A64Asm.Isa;

namespace A64Asm.Verifier.Tests.Differential;

/// <summary>
/// The differential's one static program: many random sequences, each from a seeded register state, each
/// followed by a dump of X0-X30, NZCV, SP, V0-V31 and the scratch buffer to stdout. Built from a seed alone, so the coverage
/// test sees exactly the sequences the qemu test runs.
/// </summary>
internal sealed class DifferentialProgram
{
    public const int Sequences = 400;
    public const int Length = 24;
    public const int BufferBytes = RandomSequences.BufferBytes;
    /// <summary>X0-X30, NZCV, SP, padding to 16, then V0-V31 (at <see cref="VectorBytesAt"/>): the registers before the buffer in each dump.</summary>
    public const int RegisterBytes = VectorBytesAt + 32 * 16;
    public const int VectorBytesAt = 272;
    public const int DumpBytes = RegisterBytes + BufferBytes;
    private const int ZvaBlock = 4 << (int)UserProgram.Dczid;
    public const int DefaultSeed = 20261124;

    public int Seed { get; }
    public string Source { get; }
    public IReadOnlyList<uint[]> Words { get; }
    /// <summary>Per sequence, the forms the generator drew for it (index setup words are not counted).</summary>
    public IReadOnlyList<Code[]> Forms { get; }

    private DifferentialProgram(int seed, string source, List<uint[]> words, List<Code[]> forms) =>
        (Seed, Source, Words, Forms) = (seed, source, words, forms);

    /// <summary>The seed from A64ASM_DIFF_SEED, else the fixed one.</summary>
    public static int SeedFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("A64ASM_DIFF_SEED"), out var s) ? s : DefaultSeed;

    public static DifferentialProgram Build(int seed)
    {
        var gen = new RandomSequences(seed, EmulatorScope.Drawable());
        var words = new List<uint[]>();
        var forms = new List<Code[]>();
        var source = new StringBuilder();
        source.AppendLine("\t.text\n\t.globl _start\n_start:");
        var vectors = new List<ulong>();
        for (int n = 0; n < Sequences; n++)
        {
            EmitState(source, gen, n, vectors);
            var seq = gen.Sequence(Length);
            seq.Add(0xD503201Fu);   // nop: a branch at the end skips it, never the dump
            words.Add(seq.ToArray());
            forms.Add(gen.SequenceForms.ToArray());
            foreach (var w in seq) source.AppendLine($"\t.inst 0x{w:x8}");
            EmitDump(source);
        }
        source.AppendLine("\tmov x0, #0\n\tmov x8, #93\n\tsvc #0");
        // The buffer on a DC ZVA block boundary (512 bytes under qemu's max CPU), so a zeroed block is inside it.
        source.AppendLine($"\t.data\n\t.balign {ZvaBlock}\n\t.skip {(ZvaBlock - RegisterBytes % ZvaBlock) % ZvaBlock}\ndump:\t.skip {RegisterBytes}\nbuf:");
        var rng = new Random(seed);
        for (int i = 0; i < BufferBytes / 8; i++) source.AppendLine($"\t.quad 0x{(ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 63):x}");
        source.AppendLine("vinit:");
        foreach (var v in vectors) source.AppendLine($"\t.quad 0x{v:x}");
        return new DifferentialProgram(seed, source.ToString(), words, forms);
    }

    /// <summary>NZCV, SP, V0-V31 (loaded from this sequence's 512 bytes at vinit), the bases, then every other X register.</summary>
    private static void EmitState(StringBuilder sb, RandomSequences gen, int n, List<ulong> vectors)
    {
        sb.AppendLine($"\tmov x0, #0x{gen.Nzcv():x}\n\tmsr nzcv, x0");
        for (int i = 0; i < 64; i++) vectors.Add(gen.Value());
        sb.AppendLine($"\tadrp x0, vinit+{n * 512}\n\tadd x0, x0, :lo12:vinit+{n * 512}");
        for (int r = 0; r < 32; r += 2) sb.AppendLine($"\tldp q{r}, q{r + 1}, [x0, #{r * 16}]");
        sb.AppendLine($"{Move(0, gen.Value())}\tmov sp, x0");
        foreach (int b in new[] { RandomSequences.Base, RandomSequences.AlignedBase })
            sb.AppendLine($"\tadrp x{b}, buf\n\tadd x{b}, x{b}, :lo12:buf\n\tadd x{b}, x{b}, #{BufferBytes / 2}");
        for (int r = 0; r <= 30; r++)
        {
            if (r is RandomSequences.Base or RandomSequences.AlignedBase) continue;
            sb.Append(Move(r, gen.Value()));
        }
    }

    private static string Move(int r, ulong v) =>
        $"\tmovz x{r}, #0x{v & 0xFFFF:x}\n\tmovk x{r}, #0x{(v >> 16) & 0xFFFF:x}, lsl #16\n\tmovk x{r}, #0x{(v >> 32) & 0xFFFF:x}, lsl #32\n\tmovk x{r}, #0x{v >> 48:x}, lsl #48\n";

    /// <summary>Saves x0 in TPIDR_EL0 so every register reaches the dump unchanged, then writes dump+buffer.</summary>
    private static void EmitDump(StringBuilder sb)
    {
        sb.AppendLine("\tmsr tpidr_el0, x0\n\tadrp x0, dump\n\tadd x0, x0, :lo12:dump");
        for (int r = 1; r < 30; r += 2) sb.AppendLine($"\tstp x{r}, x{r + 1}, [x0, #{r * 8}]");
        for (int r = 0; r < 32; r += 2) sb.AppendLine($"\tstp q{r}, q{r + 1}, [x0, #{VectorBytesAt + r * 16}]");
        sb.AppendLine("\tmrs x1, tpidr_el0\n\tstr x1, [x0]\n\tmrs x1, nzcv\n\tstr x1, [x0, #248]\n\tmov x1, sp\n\tstr x1, [x0, #256]");
        sb.AppendLine($"\tmov x1, x0\n\tmov x0, #1\n\tmov x2, #{DumpBytes}\n\tmov x8, #64\n\tsvc #0");
    }

    /// <summary>Per covered group: forms it has, forms drawn at least once, words drawn, sequences drawing from it.</summary>
    public IReadOnlyList<GroupCount> Counts()
    {
        var drawable = EmulatorScope.Drawable().ToHashSet();
        var result = new List<GroupCount>();
        foreach (var (cls, forms) in EmulatorScope.CoveredGroups())
        {
            var inGroup = forms.ToHashSet();
            int words = Forms.Sum(s => s.Count(inGroup.Contains));
            int sequences = Forms.Count(s => s.Any(inGroup.Contains));
            int covered = forms.Count(c => Forms.Any(s => s.Contains(c)));
            result.Add(new GroupCount(cls, forms.Length, forms.Count(drawable.Contains), covered, words, sequences));
        }
        return result;
    }
}

/// <summary>One row of the coverage table.</summary>
internal readonly record struct GroupCount(string Class, int Forms, int Drawable, int Covered, int Words, int Sequences);
