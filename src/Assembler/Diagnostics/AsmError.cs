using System.Text;

namespace A64Asm.Assembler.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>A problem in the user's input. Thrown for errors; the CLI prints it and exits 1, never a stack trace.</summary>
public sealed class AsmError : Exception
{
    public AsmError(SourceLocation? location, string message) : base(message)
    {
        Location = location;
    }

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
            sb.Append(' ').Append(line).Append('\n');
            sb.Append(' ');
            for (int i = 0; i < pos.Column - 1 && i < line.Length; i++)
                sb.Append(line[i] == '\t' ? '\t' : ' ');
            sb.Append("^\n");
        }
        for (var f = location.Context; f is not null; f = f.Outer)
            sb.Append(f.Describe()).Append('\n');
        return sb.ToString().TrimEnd('\n');
    }
}
