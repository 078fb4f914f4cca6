using A64Asm.Isa.Fluent;
using A64Asm.Isa.Operands;
using A64Asm.Verifier.Emulation;
using static A64Asm.Isa.Fluent.A64Registers;
using static A64Asm.Verifier.Tests.EngineEquivalenceTests;

namespace A64Asm.Verifier.Tests;

/// <summary>
/// The block engine's bulk loops (whole iterations at once) against the interpreter, on loops placed to reach each
/// edge of the bulk stretch: the exit mid-frame, the step bound mid-loop, a frame boundary, overlapping source and
/// destination, stores into code, into a guard page and on into unmapped memory, misaligned bases (which fault
/// with the MMU off), the cache model on, stores of induction registers and of values loaded the iteration before,
/// backward strides, and each kind of exit test.
/// </summary>
public class BulkLoopEquivalenceTests
{
    private const ulong Buf = EngineEquivalenceTests.Buffer;

    public static TheoryData<string> Loops() => new(Programs.Keys);

    [Theory]
    [MemberData(nameof(Loops))]
    public void Bulk_loops_end_in_the_interpreters_state(string name)
    {
        var (code, bulks) = (Programs[name](), Bulks(name));
        long bulked = 0;
        foreach (var (mmu, caches) in new[] { (true, false), (false, false), (true, true) })
            foreach (long steps in new long[] { 1_000_000, 37, 301, 2_000, 4_099 })
            {
                string expected = RunProgram(code, mmu, steps, ExecutionEngine.Interpreter, caches, out _);
                string actual = RunProgram(code, mmu, steps, ExecutionEngine.Blocks, caches, out long bulk);
                Assert.True(expected == actual, $"{name}, mmu {mmu}, caches {caches}, steps {steps}:\ninterpreter {expected}\nblocks      {actual}");
                bulked += bulk;
            }
        // Otherwise the comparison says nothing about the bulk path.
        if (bulks) Assert.True(bulked > 0, $"{name}: no iteration ran in bulk");
        else Assert.Equal(0, bulked);
    }

    [Fact]
    public void Whole_frames_copied_from_stream_frames_match_the_interpreter()
    {
        string expected = RunStreamCopy(ExecutionEngine.Interpreter, out _);
        Assert.Equal(expected, RunStreamCopy(ExecutionEngine.Blocks, out long bulk));
        Assert.True(bulk > 0);
    }

    /// <summary>
    /// Four pages copied from seeded-stream source frames to poisoned destinations, kexec style: one source already
    /// materialized (a plain copy), one destination already touched (the stream written into its storage).
    /// </summary>
    private static string RunStreamCopy(ExecutionEngine engine, out long bulk)
    {
        const ulong src = 0x40000, dst = 0x80000;
        using var memory = new PhysicalMemory { StreamSeed = 5 };
        memory.Map(Code, 0x1000, FrameRole.Ram);
        for (int i = 0; i < 4; i++)
        {
            memory.MapDeferred(src + 0x1000 * (ulong)i, FrameRole.Source, FrameFill.Stream, (ulong)i);
            memory.MapDeferred(dst + 0x1000 * (ulong)i, FrameRole.Destination, FrameFill.Poison, expectedStream: (ulong)i);
        }
        memory.Frame(src + 0x2000);
        memory.Frame(dst + 0x1000);
        var code = Build(a =>
        {
            Set(a, X21, src); Set(a, X20, dst); Set(a, X2, 4);
            var outer = a.CreateLabel();
            a.Label(outer);
            CopyLoop(a, 64, a2 => a2.Tst(X21, 0xFFF), Cond.Ne);
            a.Sub(X2, X2, 1).Cbnz(X2, outer);
        });
        memory.Write(Code, code.SelectMany(BitConverter.GetBytes).ToArray());
        var m = new Machine(memory, new CpuModel { Mmu = false, ExceptionLevel = 2 }) { Engine = engine };
        m.Cpu.Pc = Code;
        var reason = m.Run();
        var c = m.Counters;
        var text = new System.Text.StringBuilder($"{reason} pc={m.Cpu.Pc:x} nzcv={m.Cpu.Nzcv:x} {string.Join(" ", m.Cpu.X.Select(v => v.ToString("x")))}");
        text.Append($" | {c.Instructions} {c.Loads} {c.Stores} {c.BytesLoaded} {c.BytesStored} | {string.Join(",", m.StrayStores)}");
        for (ulong f = 0; f < 4; f++)
        {
            int d = memory.FrameIndexOf(dst + 0x1000 * f), s2 = memory.FrameIndexOf(src + 0x1000 * f);
            var bytes = new byte[0x1000];
            memory.Read(dst + 0x1000 * f, bytes);
            text.Append($" | {memory.IStaleLines(d):x} {memory.WasWritten(d)} {memory.WasWritten(s2)} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))}");
        }
        bulk = m.BulkIterations;
        return text.ToString();
    }

    // Loops that must fall back entirely: every store lands in decoded code.
    private static bool Bulks(string name) => name != "copy into code";

    private static readonly Dictionary<string, Func<uint[]>> Programs = new()
    {
        ["page copy, tst exit at the frame end"] = () => Build(a =>
        {
            Set(a, X21, Buf + 0x1000); Set(a, X20, Buf + 0x6000);
            CopyLoop(a, 64, a2 => a2.Tst(X21, 0xFFF), Cond.Ne);
        }),
        ["copy across frames, count exit mid-frame"] = () => Build(a =>
        {
            Set(a, X21, Buf + 0x1F00); Set(a, X20, Buf + 0x6040); Set(a, X2, 150);
            CopyLoop(a, 32, a2 => a2.Subs(X2, X2, 1), Cond.Ne);
        }),
        ["overlapping copy, destination ahead"] = () => Build(a =>
        {
            Set(a, X21, Buf + 0x2000); Set(a, X20, Buf + 0x2010); Set(a, X2, 100);
            CopyLoop(a, 32, a2 => a2.Subs(X2, X2, 1), Cond.Ne);
        }),
        ["overlapping copy, destination behind"] = () => Build(a =>
        {
            Set(a, X21, Buf + 0x2000); Set(a, X20, Buf + 0x2000 - 48); Set(a, X2, 100);
            CopyLoop(a, 32, a2 => a2.Subs(X2, X2, 1), Cond.Ne);
        }),
        ["disjoint copy within one frame"] = () => Build(a =>
        {
            Set(a, X21, Buf + 0x3000); Set(a, X20, Buf + 0x3800); Set(a, X2, 32);
            CopyLoop(a, 32, a2 => a2.Subs(X2, X2, 1), Cond.Ne);
        }),
        ["copy into code"] = () => Build(a =>
        {
            Set(a, X21, Buf); Set(a, X20, Code + 0x800); Set(a, X2, 40);
            CopyLoop(a, 32, a2 => a2.Subs(X2, X2, 1), Cond.Ne);
        }),
        ["copy into the source frame"] = () => Build(a =>
        {
            Set(a, X21, Buf + 0x100); Set(a, X20, Buf - 0x1000); Set(a, X2, 64);
            CopyLoop(a, 32, a2 => a2.Subs(X2, X2, 1), Cond.Ne);
        }),
        ["copy through the guard page into unmapped memory"] = () => Build(a =>
        {
            Set(a, X21, Buf); Set(a, X20, BufferEnd - 0x200); Set(a, X2, 1000);
            CopyLoop(a, 64, a2 => a2.Subs(X2, X2, 1), Cond.Ne);
        }),
        ["loads running into unmapped memory"] = () => Build(a =>
        {
            Set(a, X21, BufferEnd - 0x100); Set(a, X20, Buf); Set(a, X2, 1000);
            CopyLoop(a, 32, a2 => a2.Subs(X2, X2, 1), Cond.Ne);
        }),
        ["misaligned bases"] = () => Build(a =>
        {
            Set(a, X2, Buf + 3); Set(a, X3, Buf + 0x5005); Set(a, X4, 600);
            var loop = a.CreateLabel();
            a.Label(loop);
            a.Ldr(X1, Mem(X2)).Str(X1, Mem(X3)).Add(X2, X2, 8).Add(X3, X3, 8).Subs(X4, X4, 1).BCond(Cond.Ne, loop);
        }),
        ["dc loop over three frames"] = () => Build(a =>
        {
            Set(a, X0, Buf); Set(a, X19, Buf + 0x3000); Set(a, X17, 64);
            var loop = a.CreateLabel();
            a.Label(loop);
            a.Dc("civac", X0).Add(X0, X0, X17).Cmp(X0, X19).BCond(Cond.Lo, loop);
        }),
        ["post-index copy, cbnz exit"] = () => Build(a =>
        {
            Set(a, X2, Buf + 0x800); Set(a, X3, Buf + 0x8000); Set(a, X4, 700);
            var loop = a.CreateLabel();
            a.Label(loop);
            a.Ldr(X1, MemPost(X2, 8)).Str(X1, MemPost(X3, 8)).Sub(X4, X4, 1).Cbnz(X4, loop);
        }),
        ["zero fill with xzr, b.hi exit"] = () => Build(a =>
        {
            Set(a, X0, Buf + 0x4400); Set(a, X1, 0x1800);
            var loop = a.CreateLabel();
            a.Label(loop);
            a.Stp(Xzr, Xzr, MemPost(X0, 16)).Subs(X1, X1, 16).BCond(Cond.Hi, loop);
        }),
        ["stores its own pointer"] = () => Build(a =>
        {
            Set(a, X0, Buf + 0x1000); Set(a, X19, Buf + 0x3100);
            var loop = a.CreateLabel();
            a.Label(loop);
            a.Str(X0, Mem(X0)).Add(X0, X0, 8).Cmp(X0, X19).BCond(Cond.Ne, loop);
        }),
        ["stores the value loaded the iteration before"] = () => Build(a =>
        {
            Set(a, X2, Buf + 0x100); Set(a, X3, Buf + 0x9000); Set(a, X4, 900); Set(a, X5, 0x1234);
            var loop = a.CreateLabel();
            a.Label(loop);
            a.Str(X5, MemPost(X3, 8)).Ldr(X5, MemPost(X2, 8)).Subs(X4, X4, 1).BCond(Cond.Ne, loop);
        }),
        ["backward pre-index copy"] = () => Build(a =>
        {
            Set(a, X2, Buf + 0x3000); Set(a, X3, Buf + 0xC000); Set(a, X6, Buf + 0x1800);
            var loop = a.CreateLabel();
            a.Label(loop);
            a.Ldr(X1, MemPre(X2, -8)).Str(X1, MemPre(X3, -8)).Cmp(X2, X6).BCond(Cond.Ne, loop);
        }),
        ["signed exit, b.ge"] = () => Build(a =>
        {
            Set(a, X21, Buf + 0x400); Set(a, X20, Buf + 0xA000); Set(a, X2, 300);
            CopyLoop(a, 16, a2 => a2.Subs(X2, X2, 1), Cond.Ge);
        }),
        ["tbz exit"] = () => Build(a =>
        {
            Set(a, X2, Buf + 0x4000); Set(a, X3, Buf + 0xB000);
            var loop = a.CreateLabel();
            a.Label(loop);
            a.Ldp(X4, X5, Mem(X2)).Stp(X4, X5, Mem(X3)).Add(X2, X2, 16).Add(X3, X3, 16).Tbz(X2, 13, loop);
        }),
        ["compare of two moving registers"] = () => Build(a =>
        {
            Set(a, X2, Buf + 0x1000); Set(a, X3, Buf + 0x2800); Set(a, X7, Buf + 0x6000);
            var loop = a.CreateLabel();
            a.Label(loop);
            a.Ldr(X1, Mem(X2)).Str(X1, Mem(X7)).Add(X2, X2, 16).Add(X7, X7, 8).Add(X3, X3, 8).Cmp(X2, X3).BCond(Cond.Ne, loop);
        }),
    };

    /// <summary>A copy of <paramref name="bytes"/> (16 to 64) per iteration from x21 to x20 by LDP/STNP groups, then the exit test.</summary>
    private static void CopyLoop(A64CodeAssembler a, int bytes, Action<A64CodeAssembler> test, Cond cond)
    {
        var loop = a.CreateLabel();
        a.Label(loop);
        Reg[] regs = [X22, X23, X24, X25, X26, X27, X28, X29];
        for (int k = 0; k < bytes / 16; k++) a.Ldp(regs[2 * k], regs[2 * k + 1], Mem(X21, 16 * k));
        a.Add(X21, X21, bytes);
        for (int k = 0; k < bytes / 16; k++) a.Stnp(regs[2 * k], regs[2 * k + 1], Mem(X20, 16 * k));
        a.Add(X20, X20, bytes);
        test(a);
        a.BCond(cond, loop);
    }

    private static void Set(A64CodeAssembler a, Reg r, ulong v)
    {
        a.Movz(r, (ushort)v);
        for (int hw = 1; hw < 4; hw++) a.Movk(r, (ushort)(v >> (16 * hw)), 16 * hw);
    }

    private static uint[] Build(Action<A64CodeAssembler> body)
    {
        var a = new A64CodeAssembler();
        body(a);
        a.Inst(0xD4200000);   // brk #0
        byte[] bytes = a.Assemble(Code);
        return Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToUInt32(bytes, 4 * i)).ToArray();
    }
}
