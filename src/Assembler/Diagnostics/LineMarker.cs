using System.Text;

namespace A64Asm.Assembler.Diagnostics;

/// <summary>
/// A cpp line marker, <c># 12 "file.S" 1</c>, as gas reads one in its input: '#' in the first column, a decimal line,
/// a quoted file name, then flags (1: a file was entered, 2: returned to, 3 and 4: system header, extern "C").
/// The line after the marker is line <see cref="Line"/> of <see cref="File"/>.
/// </summary>
public readonly record struct LineMarker(int Line, string File, bool Entered, bool Returned)
{
    /// <summary>
    /// Reads <paramref name="text"/> as gas does: "# 12" without a file name, "# 0x10 ...", an indented '#' or a
    /// name in another form are comments, not markers (false). Text after the flags other than a comment is junk:
    /// <paramref name="junkAt"/> gets its 0-based index (else -1), as do flags other than 1-4 in
    /// <paramref name="unsupportedFlags"/>.
    /// </summary>
    public static bool TryParse(string text, out LineMarker marker, out int junkAt, out List<int>? unsupportedFlags)
    {
        marker = default;
        junkAt = -1;
        unsupportedFlags = null;
        if (text.Length < 4 || text[0] != '#')
            return false;
        int i = SkipBlanks(text, 1);
        int digitsStart = i;
        long line = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]) && line <= int.MaxValue)
            line = line * 10 + (text[i++] - '0');
        if (i == digitsStart || line > int.MaxValue || (i < text.Length && !IsBlank(text[i]) && text[i] != '"'))
            return false;
        i = SkipBlanks(text, i);
        if (i >= text.Length || text[i] != '"' || ReadQuoted(text, ref i) is not { } file)
            return false;
        bool entered = false, returned = false;
        while (true)
        {
            i = SkipBlanks(text, i);
            if (i >= text.Length || text[i] == '#' || (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/'))
                break;
            int flagStart = i;
            int flag = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && flag < 1000)
                flag = flag * 10 + (text[i++] - '0');
            if (i == flagStart || (i < text.Length && !IsBlank(text[i])))
            {
                junkAt = flagStart;
                break;
            }
            if (flag == 1) entered = true;
            else if (flag == 2) returned = true;
            else if (flag is not (3 or 4)) (unsupportedFlags ??= new()).Add(flag);
        }
        marker = new LineMarker((int)line, file, entered, returned);
        return true;
    }

    /// <summary>The string at <paramref name="i"/> (a '"'), escapes undone as cpp wrote them; null when unterminated.</summary>
    internal static string? ReadQuoted(string text, ref int i)
    {
        var sb = new StringBuilder();
        for (int j = i + 1; j < text.Length; j++)
        {
            char c = text[j];
            if (c == '"')
            {
                i = j + 1;
                return sb.ToString();
            }
            if (c == '\\' && j + 1 < text.Length)
                c = text[++j];
            sb.Append(c);
        }
        return null;
    }

    static bool IsBlank(char c) => c is ' ' or '\t' or '\f' or '\v' or '\r';

    static int SkipBlanks(string text, int i)
    {
        while (i < text.Length && IsBlank(text[i])) i++;
        return i;
    }
}

/// <summary>Git's merge-conflict lines: seven '&lt;', '=', '|' or '&gt;' at the start of a line, then nothing or a blank.</summary>
public static class ConflictMarker
{
    /// <summary>gcc's words for the same mistake in C.</summary>
    public const string Message = "version control conflict marker in file";

    public static bool Is(string line)
    {
        if (line.Length < 7 || line[0] is not ('<' or '=' or '>' or '|'))
            return false;
        for (int i = 1; i < 7; i++)
            if (line[i] != line[0])
                return false;
        return line.Length == 7 || line[7] is ' ' or '\t' or '\r';
    }
}
