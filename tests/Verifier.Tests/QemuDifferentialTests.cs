using System.Text;
using A64Asm.Verifier.Emulation;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Formatting;
using Xunit.Abstractions;

namespace A64Asm.Verifier.Tests;

/// <summary>
/// The interpreter against qemu-aarch64: one static program runs many random instruction sequences, each from
/// a seeded register state, and writes X0-X30, NZCV and its scratch buffer to stdout after each. The same ELF
/// runs in qemu-user and in the emulator; the outputs must be equal byte for byte.
/// </summary>
public class QemuDifferentialTests(ITestOutputHelper output)
{
    private const int Sequences = 120;
    private const int Length = 24;
    private const int BufferBytes = 2048;
    private const int DumpBytes = 256 + BufferBytes;

    [OracleTheory(Oracle.GnuGcc, Oracle.Qemu)]
    [InlineData(ExecutionEngine.Interpreter)]
    [InlineData(ExecutionEngine.Blocks)]
    public void Random_sequences_match_qemu(ExecutionEngine engine)
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("A64ASM_DIFF_SEED"), out var s) ? s : 20261124;
        var gen = new RandomSequences(seed);
        var sequences = new List<uint[]>();
        var source = new StringBuilder();
        source.AppendLine("\t.text\n\t.globl _start\n_start:");
        for (int n = 0; n < Sequences; n++)
        {
            var words = Enumerable.Range(0, Length).Select(_ => gen.Next()).Append(0xD503201Fu).ToArray();   // nop: a branch never skips the dump
            sequences.Add(words);
            EmitState(source, gen);
            foreach (var w in words) source.AppendLine($"\t.inst 0x{w:x8}");
            EmitDump(source);
        }
        source.AppendLine("\tmov x0, #0\n\tmov x8, #93\n\tsvc #0");
        source.AppendLine($"\t.data\n\t.balign 16\ndump:\t.skip 256\nbuf:");
        var rng = new Random(seed);
        for (int i = 0; i < BufferBytes / 8; i++) source.AppendLine($"\t.quad 0x{(ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 63):x}");

        string dir = Directory.CreateTempSubdirectory("a64diff").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "seq.S"), source.ToString());
            Gnu.CheckIn(dir, "gcc", "-nostdlib", "-static", "-o", "seq", "seq.S");
            byte[] expected = Tool.CheckIn(dir, "qemu-aarch64", "./seq").Output;
            var (actual, code, machine) = UserProgram.Run(File.ReadAllBytes(Path.Combine(dir, "seq")), engine);
            Assert.Equal(0, code);
            Assert.Equal(Sequences * DumpBytes, expected.Length);
            output.WriteLine($"{engine}, seed {seed}: {Sequences} sequences of {Length}, {machine.Counters.Instructions:N0} instructions emulated");
            for (int n = 0; n < Sequences; n++)
            {
                var e = expected.AsSpan(n * DumpBytes, DumpBytes);
                var a = actual.AsSpan(n * DumpBytes, Math.Min(DumpBytes, Math.Max(0, actual.Length - n * DumpBytes)));
                if (!e.SequenceEqual(a)) Assert.Fail(Explain(n, sequences[n], e, a));
            }
            Assert.Equal(expected.Length, actual.Length);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static void EmitState(StringBuilder sb, RandomSequences gen)
    {
        sb.AppendLine($"\tmov x0, #0x{gen.Nzcv():x}\n\tmsr nzcv, x0");
        sb.AppendLine($"\tadrp x{RandomSequences.Base}, buf\n\tadd x{RandomSequences.Base}, x{RandomSequences.Base}, :lo12:buf\n\tadd x{RandomSequences.Base}, x{RandomSequences.Base}, #{BufferBytes / 2}");
        for (int r = 0; r <= 30; r++)
        {
            if (r == RandomSequences.Base) continue;
            ulong v = gen.Value();
            sb.AppendLine($"\tmovz x{r}, #0x{v & 0xFFFF:x}\n\tmovk x{r}, #0x{(v >> 16) & 0xFFFF:x}, lsl #16\n\tmovk x{r}, #0x{(v >> 32) & 0xFFFF:x}, lsl #32\n\tmovk x{r}, #0x{v >> 48:x}, lsl #48");
        }
    }

    /// <summary>Saves x0 in TPIDR_EL0 so every register reaches the dump unchanged, then writes dump+buffer.</summary>
    private static void EmitDump(StringBuilder sb)
    {
        sb.AppendLine("\tmsr tpidr_el0, x0\n\tadrp x0, dump\n\tadd x0, x0, :lo12:dump");
        for (int r = 1; r < 30; r += 2) sb.AppendLine($"\tstp x{r}, x{r + 1}, [x0, #{r * 8}]");
        sb.AppendLine("\tmrs x1, tpidr_el0\n\tstr x1, [x0]\n\tmrs x1, nzcv\n\tstr x1, [x0, #248]");
        sb.AppendLine($"\tmov x1, x0\n\tmov x0, #1\n\tmov x2, #{DumpBytes}\n\tmov x8, #64\n\tsvc #0");
    }

    private static string Explain(int n, uint[] words, ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        var sb = new StringBuilder($"sequence {n} differs from qemu-aarch64:\n");
        foreach (var w in words) sb.AppendLine($"  {w:x8}  {A64Formatter.Format(A64Decoder.Decode(w), 0)}");
        for (int r = 0; r < 32; r++)
        {
            if (actual.Length < (r + 1) * 8) { sb.AppendLine("  (emulator output ends early)"); break; }
            ulong e = BitConverter.ToUInt64(expected.Slice(r * 8, 8)), a = BitConverter.ToUInt64(actual.Slice(r * 8, 8));
            if (e != a) sb.AppendLine($"  {(r == 31 ? "nzcv" : "x" + r)}: qemu 0x{e:x16}, emulator 0x{a:x16}");
        }
        if (actual.Length >= expected.Length)
        {
            int off = expected[256..].CommonPrefixLength(actual[256..]);
            if (off < BufferBytes) sb.AppendLine($"  scratch buffer differs first at +0x{off:x}");
        }
        return sb.ToString();
    }
}
