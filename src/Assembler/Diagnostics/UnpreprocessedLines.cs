namespace A64Asm.Assembler.Diagnostics;

/// <summary>
/// The lines of a source that does not go through the preprocessor (.s), read as gas reads them: a line marker
/// (<c># 12 "file.S" 2</c>, from gcc -E) renames and renumbers the lines after it, so diagnostics name the original
/// file and line; a committed merge-conflict line is an error at its line.
/// </summary>
public static class UnpreprocessedLines
{
    public static IEnumerable<SourceLine> Read(SourceText source, IDiagnosticSink diagnostics)
    {
        LineMap? map = null;
        var lines = source.Lines;
        bool inComment = false;
        SourceLocation? commentOpened = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string text = lines[i];
            int physical = i + 1;
            if (inComment || text.Contains("/*", StringComparison.Ordinal))
            {
                bool wasIn = inComment;
                text = BlockComments.Blank(text, ref inComment);
                if (inComment && !wasIn)
                    commentOpened = new SourceLocation(new SourcePos(source, physical, lines[i].LastIndexOf("/*", StringComparison.Ordinal) + 1), null);
            }
            // One test of the first character keeps the common line at its old cost.
            if (text.Length >= 4 && text[0] is '#' or '<' or '=' or '>' or '|')
                Inspect(text, physical, source, ref map, diagnostics);
            if (map is null || map.IsIdentity)
            {
                yield return new SourceLine(text, source, physical);
                continue;
            }
            var (file, line, chain) = map.Map(physical);
            yield return chain is null
                ? new SourceLine(text, file, line)
                : new SourceLine(text, new SourceLocation(new SourcePos(file, line, 1), chain));
        }
        // GNU as warns and takes the rest of the file as comment.
        if (inComment)
            diagnostics.Warning(commentOpened, "end of file in multiline comment");
    }

    static void Inspect(string text, int physical, SourceText source, ref LineMap? map, IDiagnosticSink diagnostics)
    {
        var known = map;
        SourceLocation At(int column) => known?.Locate(physical, column) ?? new(new SourcePos(source, physical, column), null);
        if (ConflictMarker.Is(text))
            throw new AsmError(At(1), ConflictMarker.Message);
        if (!LineMarker.TryParse(text, out var marker, out int junkAt, out var unsupported))
            return;
        if (junkAt >= 0)
            throw new AsmError(At(junkAt + 1), $"junk at end of line marker, first unrecognized character is '{text[junkAt]}'");
        foreach (int flag in unsupported ?? [])
            diagnostics.Warning(At(1), $"unsupported flag {flag} in line directive");
        map ??= new LineMap(source, null);
        map.Renumber(physical, physical + 1, marker.Line, marker.File, marker.Entered, marker.Returned);
    }
}
