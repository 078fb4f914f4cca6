using System.Text;

namespace A64Asm.Fuzz;

/// <summary>
/// The GNU-as macro layer: definitions with defaults, required and vararg parameters, calls with too many, too few
/// and named arguments, recursion (guarded and not, one or two calls per level), \@, \(), .exitm, .purgem,
/// .altmacro, nested .rept/.irp/.irpc, and the conditionals that steer them.
/// </summary>
public sealed class MacroGenerator(FuzzRandom r)
{
    readonly StatementGenerator _statements = new(r);

    public string Program()
    {
        var sb = new StringBuilder();
        int macros = r.Next(1, 5);
        for (int m = 0; m < macros; m++)
            sb.Append(Definition(m, macros));
        int uses = r.Count(6, 60);
        for (int i = 0; i < uses; i++)
            sb.Append(r.Chance(0.7) ? Call(r.Next(macros)) : _statements.Statement()).Append('\n');
        if (r.Chance(0.1))
            sb.Append(SelfDoubling());
        if (r.Chance(0.05))
            sb.Append(GrowingArgument());
        return sb.ToString();
    }

    string Definition(int m, int macros)
    {
        var sb = new StringBuilder();
        string[] parameters = r.Next(4) switch
        {
            0 => [],
            1 => ["a"],
            2 => ["a", "b=" + r.Number()],
            _ => ["a:req", "b", "rest:vararg"],
        };
        sb.Append($".macro m{m} {string.Join(r.Chance(0.5) ? ", " : " ", parameters)}\n");
        int lines = r.Count(4, 40);
        for (int i = 0; i < lines; i++)
        {
            sb.Append(r.Next(12) switch
            {
                0 => $".quad \\a + {r.Number()}",
                1 => $"mov x0, #\\b",
                2 => "\\@:",
                3 => $"lbl\\()\\a\\@: nop",
                4 => $".if \\a {r.Pick(new[] { ">", "<", "==" })} {r.Number()}\n.exitm\n.endif",
                5 => $"m{r.Next(macros)} \\a-1, \\b",                        // may recurse: ends on the budget if nothing else
                6 => $".ifb \\b\n.byte 1\n.else\n.byte 2\n.endif",
                7 => $".irp r, \\rest\n.quad \\r\n.endr",
                8 => $".ifc \\a,{r.Number()}\n.exitm\n.endif",
                9 => ".purgem m" + r.Next(macros),
                10 => $".altmacro\n.byte %(\\a + 1)\n.noaltmacro",
                _ => _statements.Statement(),
            }).Append('\n');
        }
        if (r.Chance(0.97))
            sb.Append(".endm\n");
        return sb.ToString();
    }

    string Call(int m) => r.Next(5) switch
    {
        0 => $"m{m}",
        1 => $"m{m} {r.Number()}",
        2 => $"m{m} {r.Number()}, {r.Number()}",
        3 => $"m{m} b={r.Number()}, a={_statements.Expression(2)}",
        _ => $"m{m} {string.Join(", ", Enumerable.Range(0, r.Count(5, 500)).Select(_ => r.Number()))}",
    };

    // Two calls per level: 2^depth expansions, which only the expansion budget ends.
    string SelfDoubling()
    {
        int depth = r.Count(10, 60);
        return $".macro twice n\n.if \\n\ntwice \\n-1\ntwice \\n-1\n.else\nnop\n.endif\n.endm\ntwice {depth}\n";
    }

    // The argument quadruples per level: memory, not calls, is what runs out.
    string GrowingArgument()
    {
        int depth = r.Count(8, 40);
        return $".macro grow n, s\n.if \\n\ngrow \\n-1, \\s\\s\\s\\s\n.endif\n.endm\ngrow {depth}, x\n";
    }
}
