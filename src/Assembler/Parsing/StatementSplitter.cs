using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Parsing;

/// <summary>Splits a line at ';' (the AArch64 statement separator), outside strings, characters and comments.</summary>
public static class StatementSplitter
{
    public static IEnumerable<SourceLine> Split(SourceLine line)
    {
        string text = line.Text;
        if (text.IndexOf(';') < 0)
            return [line];
        var pieces = new List<SourceLine>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++)
                    if (text[i] == '\\') i++;
            }
            else if (c == '\'')
            {
                i += i + 1 < text.Length && text[i + 1] == '\\' ? 2 : 1;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                break;
            }
            else if (c == ';')
            {
                pieces.Add(Slice(line, start, i));
                start = i + 1;
            }
        }
        pieces.Add(Slice(line, start, text.Length));
        return pieces;
    }

    private static SourceLine Slice(SourceLine line, int start, int end)
    {
        var map = new int[Math.Max(end - start, 1)];
        for (int i = 0; i < map.Length; i++)
            map[i] = line.At(start + i).Pos.Column;
        return new SourceLine(line.Text[start..end], line.Location, map);
    }
}
