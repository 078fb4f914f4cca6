using System.Text;

namespace A64Asm.Fuzz;

/// <summary>
/// Grammar-aware random assembly: labels, instructions with plausible and implausible operands, data and layout
/// directives, sections, conditionals and repeats, expressions nested shallow or (rarely) very deep.
/// </summary>
public sealed class StatementGenerator(FuzzRandom r)
{
    static readonly string[] Symbols = ["a", "b", "start", "end", "s1", "s2", "loop", "_data", ".Lx", "kimage_head", "arm64_relocate_new_kernel"];
    static readonly string[] Registers = ["x0", "x1", "x2", "x16", "x17", "x18", "x29", "x30", "sp", "xzr", "w0", "w5", "wzr", "wsp", "lr", "fp", "x31", "w32", "q0", "v0", "b0", "foo"];
    static readonly string[] Sections = [".text", ".data", ".bss", ".rodata", ".kexec_relocate.text", ".idmap.text", ".init.text", ".note", ".x"];
    static readonly string[] Operators = ["+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "&&", "||", "==", "!=", "<", ">", "<=", ">=", "!"];
    static readonly string[] Plain =
    [
        "nop", "isb", "dsb sy", "dsb ish", "dmb ishst", "ic iallu", "ic ialluis", "tlbi vmalle1", "eret", "ret", "wfe", "sev",
        "hvc #0", "svc #0", "brk #0x800", "ldxr x0, [x1]", "stxr w2, x0, [x1]", "mrs x0, sctlr_el1", "msr sctlr_el2, x0",
        "msr daifset, #0xf", "dc civac, x0", "dc zva, x1", "ldp x22, x23, [x21, #16]", "stp x29, x30, [sp, #-16]!",
        "ldr q0, [x1], #16", "ld1 {v0.16b}, [x0]", "ret x30", "bne 1b", "b.ne 1f", "cbz x0, 2f", "tbnz x1, #63, 1b",
    ];

    public string Program(int statements)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < statements; i++)
            sb.Append(Statement()).Append('\n');
        return sb.ToString();
    }

    public string Statement() => r.Next(12) switch
    {
        0 => Label(),
        1 or 2 or 3 => Instruction(),
        4 or 5 => Data(),
        6 => LayoutDirective(),
        7 => SymbolDirective(),
        8 => Block(),
        9 => SectionDirective(),
        10 => r.Chance(0.5) ? $"ldr {Register()}, ={Expression(2)}" : ".ltorg",
        _ => Garbage(),
    };

    string Label() => r.Chance(0.4) ? $"{r.Next(10)}:" : $"{Symbol()}:{(r.Chance(0.3) ? " " + Instruction() : "")}";

    public string Symbol() => r.Chance(0.1) ? new string('s', r.Count(8, 5000)) : r.Pick(Symbols);

    string Register() => r.Pick(Registers);

    public string Instruction() => r.Next(10) switch
    {
        0 => $"mov {Register()}, #{Expression(3)}",
        1 => $"add {Register()}, {Register()}, #{r.Number()}{(r.Chance(0.3) ? ", lsl #" + r.Number() : "")}",
        2 => $"ldr {Register()}, [{Register()}{(r.Chance(0.5) ? ", #" + r.Number() : "")}]{(r.Chance(0.2) ? "!" : "")}",
        3 => $"{r.Pick(new[] { "b", "bl", "adr", "adrp x0,", "cbz x1,", "ldr x2," })} {Expression(2)}",
        4 => $"movz {Register()}, #{r.Number()}, lsl #{r.Number()}",
        5 => $"and {Register()}, {Register()}, #{r.Number()}",
        6 => $"ldr {Register()}, {new string('[', r.Count(3, 3000))}{Register()}{new string(']', r.Count(3, 10))}",
        7 => $"mov_q {Register()}, {Expression(2)}",
        _ => r.Pick(Plain),
    };

    string Data() => r.Next(8) switch
    {
        0 => $".quad {List()}",
        1 => $".word {List()}",
        2 => $".byte {List()}",
        3 => $".hword {List()}",
        4 => $".ascii \"{Text()}\"",
        5 => $".asciz \"{Text()}\"",
        6 => $".inst {Expression(2)}",
        _ => $".{r.Pick(new[] { "2byte", "4byte", "8byte", "long", "int", "short", "xword", "dword" })} {List()}",
    };

    string LayoutDirective() => r.Next(9) switch
    {
        0 => $".space {Size()}{(r.Chance(0.3) ? ", " + r.Number() : "")}",
        1 => $".skip {Size()}",
        2 => $".fill {Size()}, {r.Pick(new[] { "1", "2", "4", "8", "0", "16", "-1" })}, {r.Number()}",
        3 => $".org {Size()}",
        4 => $".align {r.Number()}",
        5 => $".balign {r.Number()}{(r.Chance(0.3) ? ", " + r.Number() : "")}",
        6 => $".p2align {r.Number()}",
        7 => $".zero {Size()}",
        _ => $".org . + {Size()}",
    };

    string SymbolDirective() => r.Next(9) switch
    {
        0 => $".set {Symbol()}, {Expression(3)}",
        1 => $".equ {Symbol()}, {Expression(3)}",
        2 => $"{Symbol()} = {Expression(3)}",
        3 => $".globl {Symbol()}",
        4 => $".type {Symbol()}, %{r.Pick(new[] { "function", "object", "notype", "gnu_indirect_function", "bogus" })}",
        5 => $".size {Symbol()}, . - {Symbol()}",
        6 => $"{Symbol()} .req {Register()}",
        7 => SetChain(),
        _ => $".weak {Symbol()}",
    };

    // Long .set chains defined backwards: GNU as resolves them; a real loop must be reported with its symbols.
    string SetChain()
    {
        int n = r.Count(20, 3000);
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++)
            sb.Append($".set c{i}, c{i + 1} + 1\n");
        sb.Append(r.Chance(0.2) ? $".set c{n}, c0\n" : $".set c{n}, 1\n").Append(".quad c0");
        return sb.ToString();
    }

    int _blockDepth;

    // Blocks nest through Statement(); past the first level counts stay small, so repeats do not multiply into
    // millions of lines (a real workload, slow in GNU as too, rather than a probe of a limit).
    string Block()
    {
        _blockDepth++;
        try
        {
            return _blockDepth > 1 ? $".rept {r.Next(4)}\n{Statement()}\n.endr" : OuterBlock();
        }
        finally
        {
            _blockDepth--;
        }
    }

    string OuterBlock() => r.Next(6) switch
    {
        0 => $".rept {Count()}\n{Statement()}\n.endr",
        1 => $".irp x, {List()}\n.quad \\x\n.endr",
        2 => $".if {Expression(3)}\n{Statement()}\n.else\n{Statement()}\n.endif",
        3 => $".ifdef {Symbol()}\n{Statement()}\n.endif",
        // Nested counts stay small: 2701 x 1279 lines is a real workload (GNU as takes seconds too), not a probe.
        4 => $".rept {r.Next(64)}\n.rept {r.Next(64)}\n{Statement()}\n.endr\n.endr",
        _ => $".irpc c, {Text()}\n.byte '\\c\n.endr",
    };

    string SectionDirective() => r.Next(5) switch
    {
        0 => $".section {r.Pick(Sections)}{(r.Chance(0.5) ? ", \"" + r.Pick(new[] { "ax", "aw", "a", "awx", "", "zz" }) + "\"" : "")}",
        1 => $".pushsection {r.Pick(Sections)}\n{Statement()}\n.popsection",
        2 => ".popsection",
        3 => r.Pick(new[] { ".text", ".data", ".bss", ".previous" }),
        _ => ManySections(),
    };

    string ManySections()
    {
        int n = r.Count(8, 2000);
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++)
            sb.Append($".section .s{i}, \"a\"\n.byte {i & 255}\n");
        return sb.ToString().TrimEnd();
    }

    string Garbage() => r.Next(6) switch
    {
        0 => new string(r.Pick(new[] { '(', ')', '[', ']', '"', '\\', ',', '#', ':', '=', '{', '}' }), r.Count(4, 2000)),
        1 => $".{Symbol()} {Expression(2)}",
        2 => $"{r.Pick(Plain)} {r.Pick(Plain)}",
        3 => string.Join(";", Enumerable.Range(0, r.Count(4, 500)).Select(_ => r.Pick(Plain))),
        4 => $".include \"{r.Pick(new[] { "/dev/zero", "/dev/null", "missing.inc", "/proc/self/status", "/", "/etc" })}\"",
        _ => $".incbin \"{r.Pick(new[] { "/dev/zero", "/dev/null", "missing.bin", "/" })}\"{(r.Chance(0.5) ? $", {r.Number()}, {r.Number()}" : "")}",
    };

    string List()
    {
        int n = r.Count(3, 2000);
        return string.Join(", ", Enumerable.Range(0, Math.Max(1, n)).Select(_ => Expression(2)));
    }

    string Count() => r.Chance(0.8) ? r.Next(5).ToString() : r.Number();

    string Size() => r.Chance(0.7) ? r.Next(64).ToString() : r.Number();

    string Text() => new(Enumerable.Range(0, r.Count(8, 200)).Select(_ => (char)r.Next(32, 127)).Where(c => c is not ('"' or '\\')).ToArray());

    /// <summary>An expression of about <paramref name="depth"/> levels; now and then one nested thousands deep.</summary>
    public string Expression(int depth)
    {
        if (r.Chance(0.02))
        {
            int n = r.Count(100, 20000);
            string open = r.Pick(new[] { "(", "-", "~", "-(", "+", "!" });
            string close = open.Contains('(') ? ")" : "";
            return string.Concat(Enumerable.Repeat(open, n)) + r.Number() + string.Concat(Enumerable.Repeat(close, n));
        }
        if (depth <= 0 || r.Chance(0.3))
            return r.Next(4) switch { 0 => Symbol(), 1 => ".", _ => r.Number() };
        return r.Next(4) switch
        {
            0 => $"({Expression(depth - 1)})",
            1 => $"{r.Pick(new[] { "-", "~", "!" })}{Expression(depth - 1)}",
            _ => $"{Expression(depth - 1)} {r.Pick(Operators)} {Expression(depth - 1)}",
        };
    }
}
