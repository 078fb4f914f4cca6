using System.Text;

namespace A64Asm.Fuzz;

/// <summary>
/// The C preprocessor: object- and function-like macros (self-referential, mutually recursive, pasting and
/// stringizing), #if arithmetic at the edges (division by zero, overflow, unbalanced parentheses), unbalanced
/// conditionals, includes of headers, devices and missing files, #line, continuations and comments.
/// </summary>
public sealed class PreprocessorGenerator(FuzzRandom r)
{
    readonly StatementGenerator _statements = new(r);
    static readonly string[] Headers = ["<asm/assembler.h>", "<asm/kexec.h>", "<asm/page.h>", "<linux/linkage.h>", "<asm/missing.h>", "\"/dev/zero\"", "\"/dev/null\"", "\"/\"", "<>", "\"\"", "MACRO_HEADER"];
    static readonly string[] Names = ["A", "B", "F", "G", "PAGE_SHIFT", "__ASSEMBLY__", "CONFIG_X", "UL", "_AC"];

    public string Program()
    {
        var sb = new StringBuilder();
        int lines = r.Count(10, 80);
        for (int i = 0; i < lines; i++)
            sb.Append(Line()).Append('\n');
        return sb.ToString();
    }

    string Line() => r.Next(16) switch
    {
        0 => $"#define {r.Pick(Names)} {Body()}",
        1 => $"#define {r.Pick(Names)}({Params()}) {Body()}",
        2 => $"#undef {r.Pick(Names)}",
        3 => $"#if {Condition(3)}",
        4 => $"#ifdef {r.Pick(Names)}",
        5 => $"#elif {Condition(2)}",
        6 => "#else",
        7 => "#endif",
        8 => $"#include {r.Pick(Headers)}",
        9 => $"#line {r.Number()} \"{r.Pick(new[] { "a.S", "", "x\\\"y" })}\"",
        10 => r.Pick(new[] { "#warning careful", "#error stop", "#pragma once", "#", "#bogus", "/* unterminated", "// comment", "#if", "#define", "#define F(" }),
        11 => $"{_statements.Instruction()} {r.Pick(new[] { "\\", "/* c */", "// c", "" })}",
        12 => Nested(),
        13 => ".quad " + Use(),
        14 => Continuations(),
        _ => _statements.Statement(),
    };

    string Params() => r.Next(4) switch { 0 => "", 1 => "x", 2 => "x, y", _ => "x, ..." };

    string Body() => r.Next(10) switch
    {
        0 => r.Number(),
        1 => "A + 1",
        2 => "B A",
        3 => "x ## y",
        4 => "#x",
        5 => "F(x, y) + G(y)",
        6 => "__VA_ARGS__",
        7 => "(x) << PAGE_SHIFT",
        8 => "__LINE__ __FILE__",
        _ => _statements.Expression(2),
    };

    string Use() => r.Next(5) switch
    {
        0 => r.Pick(Names),
        1 => $"F({r.Number()}, {r.Number()})",
        2 => $"G({r.Pick(Names)})",
        3 => $"UL({r.Number()})",
        _ => $"_AC({r.Number()}, UL)",
    };

    string Condition(int depth)
    {
        if (depth == 0 || r.Chance(0.3))
            return r.Next(4) switch { 0 => $"defined({r.Pick(Names)})", 1 => r.Pick(Names), _ => r.Number() };
        return r.Next(5) switch
        {
            0 => $"({Condition(depth - 1)})",
            1 => $"!{Condition(depth - 1)}",
            2 => $"{Condition(depth - 1)} ? {Condition(depth - 1)} : {Condition(depth - 1)}",
            3 => $"{Condition(depth - 1)} {r.Pick(new[] { "/", "%" })} {r.Pick(new[] { "0", "1", "-1" })}",
            _ => $"{Condition(depth - 1)} {r.Pick(new[] { "+", "*", "<<", ">>", "&&", "||", "==", "<", "-" })} {Condition(depth - 1)}",
        };
    }

    string Nested()
    {
        int n = r.Count(10, 20000);
        string f = r.Pick(new[] { "F(", "(", "G(", "UL(" });
        return $"#if {string.Concat(Enumerable.Repeat(r.Chance(0.5) ? "(" : "!", n))}1{new string(')', f == "(" ? n : 0)}\n#endif\n.quad {string.Concat(Enumerable.Repeat(f, n))}1{new string(')', n)}";
    }

    string Continuations()
    {
        int n = r.Count(4, 50000);
        return ".quad 1 \\\n" + string.Concat(Enumerable.Repeat("+ 1 \\\n", n)) + "+ 1";
    }
}
