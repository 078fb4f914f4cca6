namespace A64Asm.Linker.Script;

/// <summary>A statement of a script's SECTIONS (or of an output section's body).</summary>
internal abstract record ScriptStatement(ScriptPosition At);

/// <summary><c>NAME = EXPR;</c> (also +=, -=), <c>. = EXPR;</c>, or <c>PROVIDE(NAME = EXPR);</c> (defined only when referenced and not defined).</summary>
internal sealed record AssignmentStatement(ScriptPosition At, string Symbol, string Operator, ScriptExpression Value, bool Provide) : ScriptStatement(At)
{
    public bool MovesDot => Symbol == ".";
}

/// <summary><c>FILE(PATTERN ...)</c> in an output section, <c>KEEP(...)</c> when it must survive --gc-sections.</summary>
internal sealed record InputSectionStatement(ScriptPosition At, string FilePattern, IReadOnlyList<string> Patterns, bool Keep) : ScriptStatement(At);

/// <summary><c>NAME [ADDRESS] : [ALIGN(A)] { ... }</c>; <c>/DISCARD/</c> drops what it matches.</summary>
internal sealed record OutputSectionStatement(ScriptPosition At, string Name, ScriptExpression? Address, ScriptExpression? Align,
    IReadOnlyList<ScriptStatement> Body) : ScriptStatement(At)
{
    public const string Discard = "/DISCARD/";
    public bool Discards => Name == Discard;
}

/// <summary>A parsed linker script (the subset a64asm takes: SECTIONS, ENTRY, assignments).</summary>
public sealed class LinkerScript
{
    internal LinkerScript(string file, IReadOnlyList<ScriptStatement> statements, string? entry)
    {
        File = file;
        Statements = statements;
        Entry = entry;
    }

    public string File { get; }

    /// <summary>ENTRY(SYMBOL), when the script names one.</summary>
    public string? Entry { get; }

    internal IReadOnlyList<ScriptStatement> Statements { get; }

    /// <summary>Reads <paramref name="text"/>; a mistake is a <see cref="ScriptError"/> at its line and column.</summary>
    public static LinkerScript Parse(string file, string text) => new ScriptParser(file, text).ParseScript();
}
