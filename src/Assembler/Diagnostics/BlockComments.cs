namespace A64Asm.Assembler.Diagnostics;

/// <summary>
/// C comments in a source the preprocessor does not read (.s): GNU as removes <c>/* ... */</c> itself, across lines,
/// but not inside a string or after a <c>//</c> line comment. Each comment character becomes a space, so columns
/// (and carets) stay where they were.
/// </summary>
public static class BlockComments
{
    /// <param name="inComment">Whether the line starts inside a comment; on return, whether the next one does.</param>
    public static string Blank(string text, ref bool inComment)
    {
        var chars = text.ToCharArray();
        bool inString = false;
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (inComment)
            {
                if (c == '*' && i + 1 < chars.Length && chars[i + 1] == '/')
                {
                    chars[i] = chars[i + 1] = ' ';
                    i++;
                    inComment = false;
                }
                else chars[i] = ' ';
                continue;
            }
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (c == '\'') i++; // a character constant: the next character is its value, whatever it is
            else if (c == '/' && i + 1 < chars.Length && chars[i + 1] == '/') break;
            else if (c == '/' && i + 1 < chars.Length && chars[i + 1] == '*')
            {
                chars[i] = chars[i + 1] = ' ';
                i++;
                inComment = true;
            }
        }
        return new string(chars);
    }
}
