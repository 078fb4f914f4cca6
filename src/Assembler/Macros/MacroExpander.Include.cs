using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

public sealed partial class MacroExpander
{
    void Include(SourceLine statement, StatementHead head)
    {
        var at = statement.At(head.KeywordStart);
        string text = statement.Text;
        int start = SourceChars.SkipBlanks(text, head.KeywordEnd);
        string name = QuotedString.Read(statement, start, out _);
        if (includeDepth >= options.MaxIncludeDepth)
            throw new AsmError(at, $".include nesting exceeds the limit of {options.MaxIncludeDepth}");
        foreach (string candidate in IncludeCandidates(statement.Location.Pos.File.DisplayPath, name))
        {
            if (ReadIncluded(candidate, statement.At(start)) is { } contents)
            {
                var frame = new ExpansionFrame(ExpansionKind.IncludedFrom, name, at.Pos, statement.Location.Context);
                PushSource(new IncludedFileSource(new SourceText(candidate, contents), frame));
                return;
            }
        }
        throw new AsmError(statement.At(start), $"can't open include file '{name}'");
    }

    string? ReadIncluded(string path, SourceLocation at)
    {
        try
        {
            return options.ReadFile(path);
        }
        catch (SourceFileRefused e)
        {
            throw new AsmError(at, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The exception text may hold absolute host paths; keep only the path the user wrote.
            throw new AsmError(at, $"cannot read '{path}'");
        }
    }

    /// <summary>
    /// The including file's directory, then the -I directories, then the working directory. gas itself tries the
    /// working directory first and never the including file's directory; our order lets a header include its
    /// neighbours wherever the build runs, and still finds everything gas would.
    /// </summary>
    IEnumerable<string> IncludeCandidates(string includingFile, string name)
    {
        if (Path.IsPathRooted(name))
        {
            yield return name;
            yield break;
        }
        string? directory = Path.GetDirectoryName(includingFile);
        bool besideIsWorkingDirectory = string.IsNullOrEmpty(directory);
        yield return besideIsWorkingDirectory ? name : Path.Combine(directory!, name);
        foreach (string dir in options.IncludeDirs)
            yield return Path.Combine(dir, name);
        if (!besideIsWorkingDirectory)
            yield return name;
    }
}
