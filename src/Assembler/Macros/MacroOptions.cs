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

    public int MaxRepeatCount { get; set; } = 1_000_000;

    /// <summary>Lines one top-level macro call or .rept/.irp may produce in total, nested expansions included.</summary>
    public long MaxExpansionLines { get; set; } = 10_000_000;

    public int MaxIncludeDepth { get; set; } = 64;

    public int MaxConditionalDepth { get; set; } = 1_000;
}
