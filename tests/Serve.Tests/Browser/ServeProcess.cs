using System.Diagnostics;
using System.Text.RegularExpressions;

namespace A64Asm.Serve.Tests.Browser;

/// <summary><c>a64asm serve --port 0</c> as a user runs it: its own process, the URL read from what it prints.</summary>
public sealed partial class ServeProcess : IAsyncDisposable
{
    readonly Process _process;

    ServeProcess(Process process, string url) => (_process, Url) = (process, url);

    public string Url { get; }

    public static async Task<ServeProcess> StartAsync()
    {
        // The build puts the command beside the tests (the CLI project is referenced).
        string exe = Path.Combine(AppContext.BaseDirectory, "a64asm");
        var start = new ProcessStartInfo(exe, ["serve", "--port", "0"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? line = null;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException) { }
        if (line is null || Listening().Match(line) is not { Success: true } m)
        {
            try { process.Kill(); } catch (InvalidOperationException) { }
            throw new InvalidOperationException($"a64asm serve --port 0 printed '{line}', not its URL; stderr: {await stderr}");
        }
        _ = process.StandardOutput.ReadToEndAsync();
        return new ServeProcess(process, m.Groups[1].Value);
    }

    [GeneratedRegex(@"^a64asm serve: listening on (http://127\.0\.0\.1:\d+/)$")]
    private static partial Regex Listening();

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
