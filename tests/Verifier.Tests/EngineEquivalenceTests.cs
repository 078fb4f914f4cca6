using System.Text;
using A64Asm.Verifier.Emulation;
using A64Asm.Verifier.Kexec;

namespace A64Asm.Verifier.Tests;

/// <summary>
/// The pre-decoded block engine against the interpreter: the same final registers, flags,
/// PC, memory, counters, faults (kind, PC, instruction text, address), stray stores and step-limit trace, for
/// random loops (chained and self-looping blocks, pair groups straddling frames, faults midway, several step
/// bounds) and for the kexec runs of the committed blobs.
/// </summary>
public class EngineEquivalenceTests
{
    internal const ulong Code = 0x10000, Buffer = 0x20000, BufferEnd = 0x30000, Middle = 0x28000;

    [Fact]
    public void Random_loops_end_in_the_interpreters_state()
    {
        int compared = 0, faulted = 0, limited = 0;
        for (int seed = 1; seed <= 80; seed++)
        {
            var program = RandomLoop(seed);
            foreach (var (mmu, caches) in new[] { (true, false), (false, false), (true, true) })
                foreach (long steps in new long[] { 41, 700, 5000 })
                {
                    var expected = RunProgram(program, mmu, steps, ExecutionEngine.Interpreter, caches);
                    var actual = RunProgram(program, mmu, steps, ExecutionEngine.Blocks, caches);
                    Assert.True(expected == actual, $"seed {seed}, mmu {mmu}, caches {caches}, steps {steps}:\ninterpreter {expected}\nblocks      {actual}");
                    compared++;
                    if (expected.Contains("Fault")) faulted++;
                    if (expected.Contains("StepLimit")) limited++;
                }
        }
        // The programs must reach each kind of ending, or the comparison proves less than it claims.
        Assert.True(faulted > 20 && limited > 20 && compared - faulted - limited > 20, $"{compared} runs, {faulted} faults, {limited} step limits");
    }

    [Fact]
    public void A_store_into_the_running_block_executes_the_new_instruction()
    {
        // movz w1, #0x0542 ; movk w1, #0xd280, lsl #16 (w1 = movz x2, #42) ; adr x3, 1f ; str w1, [x3] ; 1: movz x2, #7 ; brk #0
        uint[] code = [0x5280A841, 0x72BA5001, 0x10000043, 0xB9000061, 0xD28000E2, 0xD4200000];
        var expected = RunProgram(code, true, 100, ExecutionEngine.Interpreter);
        Assert.Contains("x2=2a", expected);
        Assert.Equal(expected, RunProgram(code, true, 100, ExecutionEngine.Blocks));
    }

    [Theory]
    [InlineData("sample-4k")]
    [InlineData("offbyone-4k")]
    [InlineData("no-ic-ialluis-4k")]
    [InlineData("x1-nonzero-4k")]
    [InlineData("stray-store-4k")]
    public void Kexec_reports_match_the_interpreter(string blob)
    {
        foreach (var options in new[]
        {
            new VerifyOptions { Pages = 40 },
            new VerifyOptions { Pages = 40, Caches = true },
            new VerifyOptions { Pages = 12, Caches = true, MmuOn = true },
            new VerifyOptions { Pages = 40, MaxSteps = 12_345 },
            new VerifyOptions { Pages = 40, EntriesPerIndirection = 5, Shape = KimageShape.ChainedIndirection },
        })
        {
            string expected = Report(blob, options, ExecutionEngine.Interpreter);
            Assert.Equal(expected, Report(blob, options, ExecutionEngine.Blocks));
        }
    }

    private static string Report(string blob, VerifyOptions o, ExecutionEngine engine)
    {
        var report = Vectors.Verify(blob, new VerifyOptions
        {
            Pages = o.Pages, Caches = o.Caches, MmuOn = o.MmuOn, MaxSteps = o.MaxSteps,
            EntriesPerIndirection = o.EntriesPerIndirection, Shape = o.Shape, Engine = engine,
        });
        // Everything but the timings.
        return string.Join("\n", report.ToText().Split('\n').Where(l => !l.TrimStart().StartsWith("time:")))
            + $"\nbytes {report.Loads} {report.Stores} {report.CacheMaintenance} {report.Barriers} {report.PagesCopied}";
    }

    private static string RunProgram(uint[] code, bool mmu, long maxSteps, ExecutionEngine engine, bool caches = false) =>
        RunProgram(code, mmu, maxSteps, engine, caches, out _);

    /// <summary>Runs from <see cref="Code"/> over the test memory; the state as text, and how many iterations ran in bulk.</summary>
    internal static string RunProgram(uint[] code, bool mmu, long maxSteps, ExecutionEngine engine, bool caches, out long bulk)
    {
        using var memory = new PhysicalMemory();
        memory.Map(Code, 0x2000, FrameRole.Ram);
        memory.Map(Buffer - 0x1000, 0x1000, FrameRole.Source);
        memory.Map(Buffer, BufferEnd - Buffer, FrameRole.Ram);
        memory.Map(BufferEnd, 0x1000, FrameRole.Guard);
        memory.Write(Code, code.SelectMany(BitConverter.GetBytes).ToArray());
        var fill = new byte[BufferEnd - Buffer];
        new Random(7).NextBytes(fill);
        memory.Write(Buffer, fill);
        var model = new CpuModel { Mmu = mmu, ExceptionLevel = mmu ? 0 : 2, DataCache = caches, InstructionCache = caches };
        var m = new Machine(memory, model, modelDataCache: caches) { MaxSteps = maxSteps, Engine = engine };
        m.Cpu.Pc = Code;
        m.Cpu.Sp = Middle + 0x100;
        var reason = m.Run();
        var sb = new StringBuilder($"{reason} pc={m.Cpu.Pc:x} sp={m.Cpu.Sp:x} nzcv={m.Cpu.Nzcv:x}");
        for (int r = 0; r < 31; r++) sb.Append($" x{r}={m.Cpu.X[r]:x}");
        for (int r = 0; r < 32; r++) sb.Append($" v{r}={m.Cpu.VRegs[2 * r + 1]:x}_{m.Cpu.VRegs[2 * r]:x}");
        var c = m.Counters;
        sb.Append($" | {c.Instructions} {c.Loads} {c.Stores} {c.CacheMaintenance} {c.Barriers} {c.BytesLoaded} {c.BytesStored}");
        sb.Append($" | {m.LastFault} | {m.LastTrap} | {string.Join(",", m.LastPcs.Select(p => p.ToString("x")))}");
        sb.Append($" | {string.Join(",", m.StrayStores)} | last {m.LastBranchFrom:x}");
        // What the cache checks read: lines written since the last I-cache invalidation, the D-cache line states.
        for (ulong f = Code; f < BufferEnd + 0x1000; f += 0x1000)
            if (memory.IsMapped(f)) sb.Append($" {memory.IStaleLines(memory.FrameIndexOf(f)):x}");
        sb.Append($" | {string.Join(",", m.StaleFetches)}");
        if (m.DataCache is { } dc)
            sb.Append($" | {string.Join(",", dc.Incoherent(Buffer - 0x1000, BufferEnd - Buffer + 0x2000))} | {string.Join(",", dc.DiscardedWrites)}");
        var after = new byte[BufferEnd - Buffer + 0x2000];
        memory.Read(Buffer - 0x1000, after);
        sb.Append($" | {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(after))}");
        var code2 = new byte[0x2000];
        memory.Read(Code, code2);
        sb.Append($" {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(code2))}");
        bulk = m.BulkIterations;
        return sb.ToString();
    }

    /// <summary>
    /// Registers from the seed; then a loop whose body is a random sequence, a group of LDPs and one of STPs/STNPs
    /// around x28 (which starts on a frame boundary, and which the sequence's pre/post-index forms move), each
    /// maybe tiled and maybe followed by an ADD to x28, a DC, and a
    /// SUBS/B.NE on x26; then a load from x27 (the base the sequence's no-offset forms, exclusives and
    /// acquire/release, use); then BRK.
    /// </summary>
    private static uint[] RandomLoop(int seed)
    {
        var gen = new RandomSequences(seed);
        var rng = new Random(seed);
        var code = new List<uint>();
        for (int r = 0; r <= 30; r++)
        {
            if (r == RandomSequences.Base) continue;
            ulong v = r == 26 ? (ulong)rng.Next(1, 6) : r == 27 ? Middle + (ulong)rng.Next(-64, 64) * 8 : gen.Value();
            for (int hw = 0; hw < 4; hw++)
                code.Add((hw == 0 ? 0xD2800000u : 0xF2800000u) | (uint)hw << 21 | (uint)((v >> (16 * hw)) & 0xFFFF) << 5 | (uint)r);
        }
        code.Add(0xD2800000u | (uint)(Middle >> 16) << 5 | 1u << 21 | RandomSequences.Base);   // movz x28, #Middle>>16, lsl #16
        int loop = code.Count;
        for (int i = 0; i < 12; i++) code.Add(gen.Next());
        code.Add(0xD503201F);
        int pairs = rng.Next(1, 5), first = rng.Next(-16, 8);
        bool tiled = rng.Next(2) == 0;   // pairs side by side, as a copy loop has them
        for (int k = 0; k < pairs; k++)
        {
            uint rt = Reg(rng), rt2 = Reg(rng);
            int imm7 = tiled ? first + 2 * k : rng.Next(-16, 15);
            code.Add(0xA9400000u | (uint)(imm7 & 0x7F) << 15 | rt2 << 10 | RandomSequences.Base << 5 | rt);   // ldp
        }
        if (rng.Next(2) == 0) code.Add(0x91000000u | (uint)rng.Next(0, 5) * 16 << 10 | RandomSequences.Base << 5 | RandomSequences.Base);   // add x28, x28, #imm
        for (int k = 0; k < pairs; k++)
        {
            int imm7 = tiled ? first + 2 * k : rng.Next(-16, 15);
            code.Add((rng.Next(2) == 0 ? 0xA9000000u : 0xA8000000u) | (uint)(imm7 & 0x7F) << 15
                | (uint)rng.Next(32) << 10 | RandomSequences.Base << 5 | (uint)rng.Next(32));                      // stp / stnp
        }
        if (rng.Next(2) == 0) code.Add(0x91000000u | (uint)rng.Next(0, 5) * 16 << 10 | RandomSequences.Base << 5 | RandomSequences.Base);
        code.Add(0xD50B7E20u | RandomSequences.Base);                                                              // dc civac, x28
        code.Add(0xF100075A);                                                                                      // subs x26, x26, #1
        code.Add(0x54000001u | (uint)((loop - code.Count) & 0x7FFFF) << 5);                                       // b.ne loop
        code.Add(0xF9400361);                                                                                      // ldr x1, [x27]
        code.Add(0xD4200000);                                                                                      // brk #0
        return code.ToArray();
    }

    private static uint Reg(Random rng)
    {
        while (true)
        {
            uint r = (uint)rng.Next(31);
            if (r is not (26 or RandomSequences.Base)) return r;
        }
    }
}
