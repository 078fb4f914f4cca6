using System.Text;
using A64Asm.Verifier.Emulation;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Formatting;
using A64Asm.Verifier.Tests.Differential;
using Xunit.Abstractions;

namespace A64Asm.Verifier.Tests;

/// <summary>
/// The emulator against qemu-aarch64: one static program runs many random instruction sequences drawn from the
/// instruction table's rows of every group the emulator implements (<see cref="DifferentialProgram"/>), each from
/// a seeded register state, and writes X0-X30, NZCV, SP, V0-V31 and its scratch buffer to stdout after each. The same ELF
/// runs in qemu-user and in the emulator; the outputs must be equal byte for byte.
/// </summary>
public class QemuDifferentialTests(ITestOutputHelper output)
{
    private const int Sequences = DifferentialProgram.Sequences;
    private const int BufferBytes = DifferentialProgram.BufferBytes;
    private const int DumpBytes = DifferentialProgram.DumpBytes;

    [OracleTheory(Oracle.GnuGcc, Oracle.Qemu)]
    [InlineData(ExecutionEngine.Interpreter)]
    [InlineData(ExecutionEngine.Blocks)]
    public void Random_sequences_match_qemu(ExecutionEngine engine)
    {
        var program = DifferentialProgram.Build(DifferentialProgram.SeedFromEnvironment());
        string dir = Directory.CreateTempSubdirectory("a64diff").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "seq.S"), program.Source);
            Gnu.CheckIn(dir, "gcc", "-nostdlib", "-static", "-o", "seq", "seq.S");
            byte[] expected = Tool.CheckIn(dir, "qemu-aarch64", "./seq").Output;
            // An unimplemented form stops the emulator with a fault naming it; Run reports that as the failure.
            var (actual, code, machine) = UserProgram.Run(File.ReadAllBytes(Path.Combine(dir, "seq")), engine);
            Assert.Equal(0, code);
            Assert.Equal(Sequences * DumpBytes, expected.Length);
            output.WriteLine($"{engine}, seed {program.Seed}: {Sequences} sequences of at least {DifferentialProgram.Length}, {machine.Counters.Instructions:N0} instructions emulated");
            output.WriteLine(CoverageTable.Format(program.Counts()));
            for (int n = 0; n < Sequences; n++)
            {
                var e = expected.AsSpan(n * DumpBytes, DumpBytes);
                var a = actual.AsSpan(n * DumpBytes, Math.Min(DumpBytes, Math.Max(0, actual.Length - n * DumpBytes)));
                if (!e.SequenceEqual(a)) Assert.Fail(Explain(n, program.Words[n], e, a));
            }
            Assert.Equal(expected.Length, actual.Length);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static string Hex128(ReadOnlySpan<byte> v) => $"{BitConverter.ToUInt64(v[8..]):x16}_{BitConverter.ToUInt64(v[..8]):x16}";

    private static string Explain(int n, uint[] words, ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        var sb = new StringBuilder($"sequence {n} differs from qemu-aarch64:\n");
        foreach (var w in words) sb.AppendLine($"  {w:x8}  {A64Formatter.Format(A64Decoder.Decode(w), 0)}");
        for (int r = 0; r < 33; r++)
        {
            if (actual.Length < (r + 1) * 8) { sb.AppendLine("  (emulator output ends early)"); break; }
            ulong e = BitConverter.ToUInt64(expected.Slice(r * 8, 8)), a = BitConverter.ToUInt64(actual.Slice(r * 8, 8));
            if (e != a) sb.AppendLine($"  {(r == 31 ? "nzcv" : r == 32 ? "sp" : "x" + r)}: qemu 0x{e:x16}, emulator 0x{a:x16}");
        }
        for (int r = 0; r < 32; r++)
        {
            int at = DifferentialProgram.VectorBytesAt + 16 * r;
            if (actual.Length < at + 16) break;
            var e = expected.Slice(at, 16);
            var a = actual.Slice(at, 16);
            if (!e.SequenceEqual(a)) sb.AppendLine($"  v{r}: qemu 0x{Hex128(e)}, emulator 0x{Hex128(a)}");
        }
        if (actual.Length >= expected.Length)
        {
            int off = expected[DifferentialProgram.RegisterBytes..].CommonPrefixLength(actual[DifferentialProgram.RegisterBytes..]);
            if (off < BufferBytes) sb.AppendLine($"  scratch buffer differs first at +0x{off:x}");
        }
        return sb.ToString();
    }
}
