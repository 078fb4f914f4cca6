using System.CommandLine;
using A64Asm.Cli.Commands;

namespace A64Asm.Cli.Serve;

/// <summary><c>a64asm serve [--port N]</c>: the Encode, Decode, Control page and Verify pages and their JSON API on 127.0.0.1.</summary>
public sealed class ServeCommand
{
    public const int DefaultPort = 8064;
    public const int DefaultTimeLimitSeconds = 30;

    readonly Option<string?> port = new("--port") { HelpName = "N", Description = $"Port on 127.0.0.1 (default {DefaultPort}; 0 picks a free one); the URL is printed when listening" };
    readonly Option<string?> timeLimit = new("--time-limit") { HelpName = "SECONDS", Description = $"Longest a request may take (default {DefaultTimeLimitSeconds}); verify runs get it as their --timeout" };

    public Command Build(Func<Func<int>, int> guard, TextWriter stdout)
    {
        var command = new Command("serve", "Serve pages that assemble, explain, disassemble and verify, and their JSON API, on 127.0.0.1") { port, timeLimit };
        command.SetAction(parse => guard(() => Run(
            parse.GetValue(port) is { } p ? (int)OptionValues.Number("--port", p, 0, 65535) : DefaultPort,
            TimeSpan.FromSeconds(parse.GetValue(timeLimit) is { } t ? OptionValues.Number("--time-limit", t, 1, 3600) : DefaultTimeLimitSeconds),
            stdout)));
        return command;
    }

    static int Run(int port, TimeSpan limit, TextWriter stdout)
    {
        ServeHost host;
        try
        {
            host = ServeHost.StartAsync(port, limit).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw new IOException($"serve: cannot listen on 127.0.0.1:{port}: {e.Message}");
        }
        // Tests and scripts read this line to find the port.
        stdout.WriteLine($"a64asm serve: listening on {host.Url}");
        stdout.Flush();
        host.WaitForShutdownAsync().GetAwaiter().GetResult();
        host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }
}
