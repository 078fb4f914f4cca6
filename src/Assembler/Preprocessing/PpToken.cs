namespace A64Asm.Assembler.Preprocessing;

internal enum PpTokenKind : byte
{
    Identifier,
    Number,
    CharLiteral,
    StringLiteral,
    Punctuator,
    /// <summary>A character cpp does not know, or (assembler mode) an unterminated quote with the rest of its line.</summary>
    Other,
    /// <summary>Stands for an empty macro argument next to ##; removed before rescanning.</summary>
    Placemarker,
}

[Flags]
internal enum PpTokenFlags : byte
{
    None = 0,
    /// <summary>"Painted blue": the name of a macro met inside its own expansion; it never expands again.</summary>
    NoExpand = 1,
    /// <summary>First token of a logical line read while looking ahead; tells the driver a new output line starts.</summary>
    LineStart = 2,
    /// <summary>Produced by a macro body (not copied from the user's line).</summary>
    FromMacro = 4,
}

/// <summary>
/// A preprocessing token. <see cref="Line"/>/<see cref="Column"/> are in the file being preprocessed; tokens
/// produced by a macro carry the position of the macro name that produced them.
/// </summary>
internal readonly struct PpToken
{
    public PpToken(PpTokenKind kind, string text, int line, int column, string ws,
                   HideSet? hide = null, PpTokenFlags flags = PpTokenFlags.None)
    {
        Kind = kind;
        Text = text;
        Line = line;
        Column = column;
        Ws = ws;
        Hide = hide;
        Flags = flags;
    }

    public PpTokenKind Kind { get; }
    public string Text { get; }
    public int Line { get; }
    public int Column { get; }

    /// <summary>The white space before the token as written ("" when none; a comment counts as one space).</summary>
    public string Ws { get; }

    /// <summary>Macros this token must not expand (Prosser's hide set); null when empty.</summary>
    public HideSet? Hide { get; }

    public PpTokenFlags Flags { get; }

    public bool Is(string punct) => Kind == PpTokenKind.Punctuator && Text == punct;
    public bool IsIdentifier => Kind == PpTokenKind.Identifier;
    public bool Has(PpTokenFlags flag) => (Flags & flag) != 0;

    public PpToken WithWs(string ws) => new(Kind, Text, Line, Column, ws, Hide, Flags);
    public PpToken WithHide(HideSet? hide) => new(Kind, Text, Line, Column, Ws, hide, Flags);
    public PpToken WithFlags(PpTokenFlags flags) => new(Kind, Text, Line, Column, Ws, Hide, flags);
    public PpToken At(int line, int column) => new(Kind, Text, line, column, Ws, Hide, Flags);

    public override string ToString() => Text;
}

/// <summary>An immutable set of macro names, small in practice (the nesting of one expansion).</summary>
internal sealed class HideSet
{
    readonly string[] names;

    HideSet(string[] names) => this.names = names;

    public static HideSet Of(string name) => new([name]);

    public bool Contains(string name)
    {
        foreach (var n in names)
            if (ReferenceEquals(n, name) || n == name)
                return true;
        return false;
    }

    public static HideSet? Union(HideSet? a, HideSet? b)
    {
        if (a is null || ReferenceEquals(a, b)) return b;
        if (b is null) return a;
        var extra = b.names.Where(n => !a.Contains(n)).ToArray();
        return extra.Length == 0 ? a : new HideSet([.. a.names, .. extra]);
    }

    public static HideSet? Intersect(HideSet? a, HideSet? b)
    {
        if (a is null || b is null) return null;
        if (ReferenceEquals(a, b)) return a;
        var common = a.names.Where(b.Contains).ToArray();
        return common.Length == 0 ? null : new HideSet(common);
    }
}
