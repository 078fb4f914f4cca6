using System.Text;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

internal static class QuotedString
{
    /// <summary>Reads the "string" at <paramref name="start"/>, resolving \" and \\; <paramref name="end"/> is past its closing quote.</summary>
    public static string Read(SourceLine line, int start, out int end)
    {
        string text = line.Text;
        if (start >= text.Length || text[start] != '"')
            throw new AsmError(line.At(start), "expected a quoted string");
        var sb = new StringBuilder();
        for (int i = start + 1; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '"')
            {
                end = i + 1;
                return sb.ToString();
            }
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                c = text[++i];
            sb.Append(c);
        }
        throw new AsmError(line.At(start), "missing closing '\"'");
    }
}
