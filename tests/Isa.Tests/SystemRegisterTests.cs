using System.Text.RegularExpressions;
using A64Asm.Isa.Encoding;
using A64Asm.Isa.Formatting;
using A64Asm.Isa.Operands;
using A64Asm.Isa.Tables;
using A64Asm.Isa.Tests.Support;
using Xunit.Sdk;

namespace A64Asm.Isa.Tests;

/// <summary>sys.isa's system registers against GNU objdump 2.40, and the checks GNU as makes of them.</summary>
public partial class SystemRegisterTests
{
    [GeneratedRegex(@"^\s*[0-9a-f]+:\s+([0-9a-f]{8})\s+(\S+)[ \t]*(.*?)\s*$", RegexOptions.Multiline)]
    private static partial Regex ObjdumpLine();

    /// <summary>Every mrs and msr word with op0 = 2 or 3 (65,536 of them): we print the name objdump prints, or
    /// the generic s-form where it does.</summary>
    [OracleFact(Oracle.GnuBinutils)]
    public void Every_mrs_and_msr_word_prints_as_objdump_prints_it()
    {
        var words = new List<uint>();
        foreach (uint read in new[] { 1u, 0u })
            for (uint v = 0; v < 1u << 15; v++)
                words.Add(0xd5100000u | read << 21 | 1u << 20 | v << 5 | 3);
        CompareWithObjdump(words);
    }

    static void CompareWithObjdump(List<uint> words)
    {
        using var scratch = new TempDir();
        string bin = Path.Combine(scratch.Root, "words.bin");
        File.WriteAllBytes(bin, words.SelectMany(BitConverter.GetBytes).ToArray());
        var (_, stdout, _) = Gnu.Run("objdump", "-D", "-b", "binary", "-m", "aarch64", bin);
        var lines = ObjdumpLine().Matches(stdout).ToList();
        Assert.Equal(words.Count, lines.Count);
        var failures = new List<string>();
        foreach (var m in lines)
        {
            uint w = Convert.ToUInt32(m.Groups[1].Value, 16);
            string theirs = m.Groups[3].Value.Length == 0 ? m.Groups[2].Value : m.Groups[2].Value + "\t" + m.Groups[3].Value;
            string ours = A64Formatter.Format(w, 0);
            if (ours != theirs) failures.Add($"{w:x8}: ours '{ours}', objdump '{theirs}'");
        }
        if (failures.Count > 0)
            throw new XunitException($"{failures.Count} differences:\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>Every sys/sysl word (dc/ic/at/tlbi and cfp/dvp/cpp by name, objdump's choice of printing Rt), every
    /// hint, dsb/dmb/isb and dsb nXS option and every msr-immediate word (PSTATE fields).</summary>
    [OracleFact(Oracle.GnuBinutils)]
    public void Every_system_operation_hint_barrier_and_pstate_word_prints_as_objdump_prints_it()
    {
        var words = new List<uint>();
        for (uint v = 0; v < 1u << 14; v++)
        {
            words.Add(0xd5080000u | v << 5 | 3);
            words.Add(0xd5080000u | v << 5 | 31);
            words.Add(0xd5280000u | v << 5 | 3);
        }
        for (uint n = 0; n < 128; n++) words.Add(0xd503201fu | n << 5);
        for (uint m = 0; m < 16; m++) words.AddRange([0xd503309fu | m << 8, 0xd50330bfu | m << 8, 0xd50330dfu | m << 8]);
        for (uint m = 0; m < 4; m++) words.Add(0xd503323fu | m << 10);
        // Every msr #imm word: op1, op2, CRm (SME's smstart/smstop sm|za among them).
        for (uint v = 0; v < 1u << 10; v++)
            words.Add(0xd500401fu | (v >> 7) << 16 | (v & 15) << 8 | ((v >> 4) & 7) << 5);
        CompareWithObjdump(words);
    }

    [Fact]
    public void The_table_holds_every_name_gnu_as_knows_with_its_flags()
    {
        Assert.Equal(1018, SideTables.SysRegs.Count);
        Assert.True(SideTables.SysRegs.TryGet("MIDR_EL1", out var midr));
        Assert.True(midr.ReadOnly);
        Assert.True(SideTables.SysRegs.TryGet("icc_sgi1r_el1", out var sgi));
        Assert.True(sgi.WriteOnly);
        Assert.True(SideTables.SysRegs.TryGet("spsr_hyp", out var hyp));
        Assert.True(hyp.Deprecated);
        Assert.True(SideTables.SysRegs.TryGet("scxtnum_el3", out var scxt));
        Assert.Equal([Feature.V8_5, Feature.El3], scxt.Needs);
    }

    [Theory]
    [InlineData("msr", "midr_el1", "x0", "specified register cannot be written to")]
    [InlineData("mrs", "x0", "icc_sgi1r_el1", "specified register cannot be read from")]
    [InlineData("mrs", "x0", "spsr_svc", "system register name 'spsr_svc' is deprecated and may be removed in a future release")]
    [InlineData("mrs", "x0", "midr_el1", null)]
    [InlineData("msr", "icc_sgi1r_el1", "x0", null)]
    public void Reading_a_write_only_or_writing_a_read_only_register_warns_as_gnu_does(string mnemonic, string a, string b, string? warning)
    {
        Operand[] ops = [Parse(a), Parse(b)];
        Assert.True(A64Encoder.TryEncode(mnemonic, ops, 0, ArchFeatures.All, out var encoded, out _, out _, out _));
        Assert.Equal(warning, encoded.Warning);
    }

    [Theory]
    [InlineData("armv8-a", "mrs", "x0", "zcr_el1", "selected processor does not support system register name 'zcr_el1'")]
    [InlineData("armv8.4-a", "msr", "allint", "x1", "selected processor does not support PSTATE field name 'allint'")]
    [InlineData("armv8.4-a", "mrs", "x1", "allint", "selected processor does not support system register name 'allint'")]
    [InlineData("all", "mrs", "x0", "esr_el3", "selected processor does not support system register name 'esr_el3'")]
    [InlineData("armv8-r", "mrs", "x0", "vttbr_el2", "selected processor does not support system register name 'vttbr_el2'")]
    [InlineData("armv9-a", "mrs", "x0", "amcg1idr_el0", "selected processor does not support system register name 'amcg1idr_el0'")]
    [InlineData("armv8-a", "msr", "pan", "#1", "selected processor does not support PSTATE field name 'pan'")]
    [InlineData("armv8-a", "dc", "cvap", "x0", "selected processor does not support system register name 'cvap'")]
    [InlineData("armv8-a", "cfp", "rctx", "x0", "selected processor does not support system register name 'rctx'")]
    public void A_name_the_selection_lacks_is_refused_by_name_as_gnu_does(string march, string mnemonic, string a, string b, string message)
    {
        Operand[] ops = [Parse(a), Parse(b)];
        Assert.False(A64Encoder.TryEncode(mnemonic, ops, 0, ArchFeatures.FromGnuArch(march), out _, out string error, out _, out _));
        Assert.Equal(message, error);
        Assert.True(A64Encoder.TryEncode(mnemonic, ops, 0, ArchFeatures.All, out _, out _, out _, out _));
    }

    static Operand Parse(string text) => ProductParser.Parse("x " + text).Operands[0];
}
