using A64Asm.Cli.Output;
using A64Asm.Verifier.Kexec;
using Spectre.Console;

namespace A64Asm.Cli.Commands;

/// <summary>
/// <c>verify --matrix</c>: every entry state run, then a table of pass or finding ids per state. On a terminal a progress
/// bar and a Spectre table; piped, the plain text of <see cref="EntryMatrix.ToText"/> (or its JSON), which tests and
/// scripts read.
/// </summary>
public static class VerifyMatrixRunner
{
    public static int Run(byte[] image, KexecLayout layout, VerifyOptions options, bool json, TextWriter stdout)
    {
        bool interactive = VerifyRunner.Interactive(stdout, json);
        var matrix = VerifyRunner.Watched(interactive, $"{EntryState.All.Count} entry states", progress => EntryMatrix.Verify(image, layout, options, progress));
        if (interactive)
            WriteTable(matrix);
        else
            stdout.Write(json ? matrix.ToJson() + "\n" : matrix.ToText());
        return matrix.Passed ? 0 : 1;
    }

    /// <summary>The same lines as the text, the states as a table with pass in green and findings in red.</summary>
    static void WriteTable(EntryMatrix matrix)
    {
        var lines = matrix.ToText().Split('\n');
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "EL", "M", "C", "I", "result" })
            table.AddColumn(column);
        foreach (var row in matrix.Rows)
        {
            var s = row.State;
            string result = row.Report is null ? "[grey]n/a[/]" : row.Passed ? "[green]pass[/]" : $"[red]{Markup.Escape(row.Result)}[/]";
            table.AddRow($"EL{s.ExceptionLevel}", EntryState.OnOff(s.Mmu), EntryState.OnOff(s.DataCache), EntryState.OnOff(s.InstructionCache), result);
        }
        // The heading lines of the text (verdict, convention, payload, kimage), the table, then the notes after it.
        int header = Array.FindIndex(lines, l => l == $"  {EntryMatrix.Header}");
        foreach (var line in lines[..header]) AnsiConsole.WriteLine(line);
        AnsiConsole.Write(table);
        foreach (var line in lines[(header + 1 + matrix.Rows.Count)..].Where(l => l.Length > 0)) AnsiConsole.WriteLine(line);
    }
}
