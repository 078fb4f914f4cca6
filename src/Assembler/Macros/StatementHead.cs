namespace A64Asm.Assembler.Macros;

/// <summary>
/// The leading labels and the first word of a statement: labels occupy [0, KeywordStart) when
/// <see cref="HasLabels"/>; the keyword is [KeywordStart, KeywordEnd), empty when the statement is only labels.
/// </summary>
internal readonly record struct StatementHead(bool HasLabels, int KeywordStart, int KeywordEnd)
{
    public bool HasKeyword => KeywordEnd > KeywordStart;

    public ReadOnlySpan<char> Keyword(string text) => text.AsSpan(KeywordStart, KeywordEnd - KeywordStart);

    /// <summary>Allocation-free: this runs on every statement.</summary>
    public static StatementHead Parse(string text)
    {
        int i = SourceChars.SkipBlanks(text, 0);
        bool hasLabels = false;
        while (true)
        {
            if (i >= text.Length || !SourceChars.IsNameChar(text[i]))
                return new StatementHead(hasLabels, i, i);
            int end = SourceChars.ScanName(text, i);
            if (LabelEndAt(text, end) < 0)
                return new StatementHead(hasLabels, i, end);
            hasLabels = true;
            i = SourceChars.SkipBlanks(text, end + 1);
        }
    }

    /// <summary>Each label's [start, end) including its ':'; only used when a label must become its own line.</summary>
    public static List<(int Start, int End)> Labels(string text, int keywordStart)
    {
        var labels = new List<(int, int)>();
        int i = SourceChars.SkipBlanks(text, 0);
        while (i < keywordStart)
        {
            int end = SourceChars.ScanName(text, i) + 1;
            labels.Add((i, end));
            i = SourceChars.SkipBlanks(text, end);
        }
        return labels;
    }

    static int LabelEndAt(string text, int nameEnd) =>
        nameEnd < text.Length && text[nameEnd] == ':' && !(nameEnd + 1 < text.Length && text[nameEnd + 1] == ':')
            ? nameEnd + 1
            : -1;
}
