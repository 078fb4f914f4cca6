using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using static A64Asm.Assembler.Layout.DirectiveArguments;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// .incbin "file"[, skip[, count]]: a file's bytes at '.'. The file is looked for as .include looks (beside the
/// including file, in the -I directories, in the working directory); skip and count are checked against its size
/// before anything is read, and only the part asked for is read, so the section limit bounds what a line can pull in.
/// </summary>
internal sealed class BinaryInclude(IStatementContext context, SectionWriter _out, IReadOnlyList<string> includeDirs)
{
    public void Incbin(ParsedLine line, DirectiveStatement d)
    {
        if (d.Arguments.Count == 0 || d.Arguments[0] is not StringOperandSyntax nameArgument)
            throw new AsmError(line.At(d.Arguments.Count > 0 ? d.Arguments[0].Index : d.Index), ".incbin expects a file name in quotes");
        if (d.Arguments.Count > 3)
            throw new AsmError(line.At(d.Arguments[3].Index), ".incbin takes a file name, a skip and a count");
        string name = System.Text.Encoding.UTF8.GetString(nameArgument.Bytes);
        string path = Find(line, name) ?? throw new AsmError(line.At(nameArgument.Index), $"file not found: {name}");
        if (!FileKind.IsRegularOrUnknown(path))
            throw new AsmError(line.At(nameArgument.Index), $"'{name}' is not a regular file");
        long size = new FileInfo(path).Length;
        var skipExpr = OptionalExprArgument(line, d, 1);
        var countExpr = OptionalExprArgument(line, d, 2);
        long skip = skipExpr is null ? 0 : ExpressionEvaluator.EvaluateAbsolute(skipExpr, context, line.Line);
        long count = countExpr is null ? size - skip : ExpressionEvaluator.EvaluateAbsolute(countExpr, context, line.Line);
        if (skip < 0 || count < 0 || skip > size || count > size - skip)
            throw new AsmError(line.At(d.Index), $"skip ({skip}) or count ({count}) invalid for file size ({size})");
        if (count == 0)
        {
            // GNU as warns only about a count the line gives.
            if (context.FirstPass && countExpr is not null)
                context.Warning(line.At(d.Index), $".incbin count zero, ignoring '{name}'");
            return;
        }
        _out.MarkData();
        _out.CheckRoom(count, line.At(d.Index), $".incbin {name}");
        if (!_out.Emitting || _out.Current.IsNoBits)
        {
            _out.Current.Location += count;
            return;
        }
        var bytes = new byte[count];
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            stream.Seek(skip, SeekOrigin.Begin);
            stream.ReadExactly(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The exception text may hold absolute host paths; keep only the name the user wrote.
            throw new AsmError(line.At(nameArgument.Index), $"cannot read '{name}'");
        }
        _out.WriteBytes(bytes);
    }

    private string? Find(ParsedLine line, string name)
    {
        if (Path.IsPathRooted(name))
            return File.Exists(name) ? name : null;
        string? directory = Path.GetDirectoryName(line.Line.Location.Pos.File.DisplayPath);
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(directory)) candidates.Add(Path.Combine(directory, name));
        candidates.AddRange(includeDirs.Select(dir => Path.Combine(dir, name)));
        candidates.Add(name);
        return candidates.FirstOrDefault(File.Exists);
    }
}
