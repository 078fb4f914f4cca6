namespace A64Asm.Assembler.Macros;

public sealed class MacroOptions
{
    /// <summary>Searched in order after the directory of the file holding the .include.</summary>
    public List<string> IncludeDirs { get; } = new();

    /// <summary>Returns the file's text, or null when it does not exist.</summary>
    public Func<string, string?> ReadFile { get; set; } = A64Asm.Assembler.Diagnostics.SourceFiles.Read;

    /// <summary>Receives the text of each .print directive. gas writes it to stdout, and so does the default.</summary>
    public Action<string> Print { get; set; } = Console.Out.WriteLine;

    /// <summary>Same limit as gas's max_macro_nest.</summary>
    public int MaxMacroDepth { get; set; } = 100;

    /// <summary>--max-rept: the largest .rept count.</summary>
    public long MaxRepeatCount { get; set; } = 1_000_000;

    /// <summary>--max-expansion-lines: lines macro calls and .rept/.irp/.irpc may produce in the whole run, nested
    /// expansions included. Each line costs about a microsecond to lex, parse and lay out: at 10 million a fuzzed
    /// nest of .rept took over 10 s before reaching the limit; 4 million ends in about four.</summary>
    public long MaxExpansionLines { get; set; } = 4_000_000;

    /// <summary>--max-expansions: macro calls in the whole run. A macro that calls itself twice per level would
    /// otherwise run 2^depth times; at a few microseconds each, the default stops that within seconds.</summary>
    public long MaxMacroCalls { get; set; } = 100_000;

    /// <summary>--max-line-length: characters in one statement line, as read or as a macro expansion makes it (an
    /// argument that quadruples per level reaches gigabytes in a dozen levels).</summary>
    public long MaxLineLength { get; set; } = 1 << 20;

    public int MaxIncludeDepth { get; set; } = 64;

    public int MaxConditionalDepth { get; set; } = 1_000;
}
