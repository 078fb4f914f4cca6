using System.Text;

namespace A64Asm.Assembler.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>A problem in the user's input. Thrown for errors; the CLI prints it and exits 1, never a stack trace.</summary>
public sealed class AsmError : Exception
{
    public AsmError(SourceLocation? location, string message) : base(Bounded(message))
    {
        Location = location;
    }

    /// <summary>A message quotes the input (a name, a token); a run keeps up to --max-errors of them, so each is
    /// bounded: a megabyte-long token must not make a gigabyte of errors.</summary>
    public const int MaxMessageLength = 1024;

    private static string Bounded(string message) =>
        message.Length <= MaxMessageLength ? message : string.Concat(message.AsSpan(0, MaxMessageLength), "...");

    public SourceLocation? Location { get; }

    /// <summary>Errors found together (every use of a missing symbol, say), reported in one go after this one.</summary>
    private IReadOnlyList<AsmError> _more = [];

    /// <summary>One error that reports all of <paramref name="errors"/> (at least one), in their order.</summary>
    public static AsmError All(IReadOnlyList<AsmError> errors) =>
        errors.Count == 1 ? errors[0] : new AsmError(errors[0].Location, errors[0].Message) { _more = errors.Skip(1).ToArray() };

    /// <summary>This error and those reported with it, one by one.</summary>
    public IEnumerable<AsmError> Each() =>
        [_more.Count == 0 ? this : new AsmError(Location, Message), .. _more.SelectMany(e => e.Each())];

    public string Render() => string.Join('\n',
        [DiagnosticRenderer.Render(Severity.Error, Location, Message), .. _more.Select(e => e.Render())]);

    /// <summary>Writes each error as <see cref="Render"/> would, one at a time (no one string of them all).</summary>
    public void WriteTo(TextWriter writer)
    {
        foreach (var error in Each())
            writer.WriteLine(DiagnosticRenderer.Render(Severity.Error, error.Location, error.Message));
    }
}

/// <summary>Receives warnings (#warning, .warning, ...). Errors are thrown as <see cref="AsmError"/>.</summary>
public interface IDiagnosticSink
{
    void Warning(SourceLocation? location, string message);
}

public sealed class CollectingDiagnostics : IDiagnosticSink
{
    public List<string> Warnings { get; } = new();

    public void Warning(SourceLocation? location, string message) =>
        Warnings.Add(DiagnosticRenderer.Render(Severity.Warning, location, message));
}

/// <summary>GNU-style text: <c>file:line:col: error: message</c>, the source line, a caret, then the chain.</summary>
public static class DiagnosticRenderer
{
    /// <summary>The most characters of a source line shown under a message.</summary>
    public const int MaxEchoedLine = 240;

    public static string Render(Severity severity, SourceLocation? location, string message)
    {
        string kind = severity == Severity.Error ? "error" : "warning";
        if (location is null)
            return $"a64asm: {kind}: {message}";
        var sb = new StringBuilder();
        var pos = location.Pos;
        sb.Append(pos.File.DisplayPath).Append(':').Append(pos.Line).Append(':').Append(pos.Column)
          .Append(": ").Append(kind).Append(": ").Append(message).Append('\n');
        string line = pos.File.LineText(pos.Line);
        if (line.Length > 0 || pos.Line >= 1)
        {
            // A long line is shown around the column: "..." where it is cut, the caret under the same character.
            int column = Math.Max(0, pos.Column - 1), start = 0, end = line.Length;
            if (line.Length > MaxEchoedLine)
            {
                start = Math.Clamp(column - MaxEchoedLine / 2, 0, line.Length - MaxEchoedLine);
                end = start + MaxEchoedLine;
            }
            string before = start > 0 ? "..." : "", after = end < line.Length ? "..." : "";
            sb.Append(' ').Append(before).Append(line, start, end - start).Append(after).Append('\n');
            sb.Append(' ').Append(' ', before.Length);
            for (int i = start; i < column && i < end; i++)
                sb.Append(line[i] == '\t' ? '\t' : ' ');
            sb.Append("^\n");
        }
        for (var f = location.Context; f is not null; f = f.Outer)
            sb.Append(f.Describe()).Append('\n');
        return sb.ToString().TrimEnd('\n');
    }
}
