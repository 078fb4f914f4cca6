using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Net;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Cli.Output;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace A64Asm.Cli.Serve;

/// <summary>
/// The web server of <c>a64asm serve</c>: Kestrel on 127.0.0.1 only, the pages embedded in the executable and the JSON
/// API under them. Built with CreateSlimBuilder and plain request delegates, which Native AOT compiles without reflection.
/// </summary>
public sealed class ServeHost : IAsyncDisposable
{
    /// <summary>Body limits: source text, hex words and small blobs; a verify upload carries an image in base64.</summary>
    public const long TextBodyLimit = 1 << 20;
    public const long VerifyBodyLimit = 24 << 20;
    /// <summary>Kestrel's cap: a body over an endpoint's limit is read up to here and discarded, so the 413 reaches the client.</summary>
    public const long ReadAtMost = 64 << 20;

    readonly WebApplication _app;
    readonly TimeSpan _timeLimit;
    // The work is CPU-bound: at most two requests run it at once, the rest wait (within the time limit).
    readonly SemaphoreSlim _workers = new(2);

    ServeHost(WebApplication app, TimeSpan timeLimit, string url)
    {
        _app = app;
        _timeLimit = timeLimit;
        Url = url;
    }

    /// <summary>"http://127.0.0.1:PORT/".</summary>
    public string Url { get; }

    /// <param name="port">0: a free port, chosen by the system.</param>
    public static async Task<ServeHost> StartAsync(int port, TimeSpan timeLimit)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = ReadAtMost;
        });
        var app = builder.Build();
        ServeHost? host = null;
        // A page elsewhere can point its own host name at 127.0.0.1 (DNS rebinding) and read the replies as its own
        // origin's: only requests addressed to the loopback names are served.
        app.Use(next => ctx => ctx.Request.Host.Host is "127.0.0.1" or "localhost"
            ? next(ctx)
            : JsonReply.Send(ctx, 400, JsonReply.Error($"Host '{ctx.Request.Host}' is not this server (127.0.0.1 or localhost)")));
        app.MapGet("/", (RequestDelegate)(ctx => Page(ctx, "index.html")));
        app.MapGet("/{file}", (RequestDelegate)(ctx => Page(ctx, (string)ctx.Request.RouteValues["file"]!)));
        app.MapGet("/api/sample", (RequestDelegate)(ctx => JsonReply.Send(ctx, 200, JsonReply.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("name", BundledFiles.SamplePath);
            w.WriteString("source", BundledFiles.Sample);
            w.WriteEndObject();
        }))));
        app.MapPost("/api/assemble", (RequestDelegate)(ctx => host!.Api(ctx, TextBodyLimit, AssembleEndpoint.Fields, AssembleEndpoint.Run)));
        app.MapPost("/api/disasm", (RequestDelegate)(ctx => host!.Api(ctx, TextBodyLimit, DisasmEndpoint.Fields, DisasmEndpoint.Run)));
        app.MapPost("/api/explain", (RequestDelegate)(ctx => host!.Api(ctx, TextBodyLimit, ExplainEndpoint.Fields, ExplainEndpoint.Run)));
        app.MapPost("/api/verify", (RequestDelegate)(ctx => host!.Api(ctx, VerifyBodyLimit, VerifyEndpoint.Fields, r => VerifyEndpoint.Run(r, timeLimit))));
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        host = new ServeHost(app, timeLimit, addresses.First().TrimEnd('/') + "/");
        return host;
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    static Task Page(HttpContext ctx, string name)
    {
        if (BundledFiles.Page(name) is not { } bytes)
        {
            ctx.Response.StatusCode = 404;
            return Task.CompletedTask;
        }
        ctx.Response.ContentType = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".png" => "image/png",
            _ => "application/octet-stream",
        };
        ctx.Response.ContentLength = bytes.Length;
        return ctx.Response.Body.WriteAsync(bytes).AsTask();
    }

    /// <summary>
    /// One API call: the request checked (JSON, size, fields), the work run off the request thread within the time limit,
    /// and every refusal sent as {"error": message} with its status.
    /// </summary>
    async Task Api(HttpContext ctx, long limit, string[] fields, Func<ApiRequest, byte[]> work)
    {
        int status = 200;
        byte[] body;
        try
        {
            // A page on another site could post to a loopback port; a JSON content type needs a CORS preflight,
            // which this server never grants.
            if (ctx.Request.ContentType?.Split(';')[0].Trim() is not "application/json")
                throw new ApiError(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json");
            var request = await ApiRequest.ReadAsync(ctx, limit, fields);
            // The work owns the request: after a timeout it may still be reading it.
            body = await RunLimited(() =>
            {
                using (request)
                    return work(request);
            });
        }
        catch (ApiError e)
        {
            (status, body) = (e.Status, JsonReply.Error(e.Message));
        }
        catch (AsmError e)
        {
            (status, body) = (400, JsonReply.Error(e.Render()));
        }
        catch (CliError e)
        {
            (status, body) = (400, JsonReply.Error(e.Message));
        }
        catch (Exception e) when (e is A64Asm.Linker.LinkError or InvalidDataException)
        {
            (status, body) = (400, JsonReply.Error(e.Message));
        }
        catch (TimeoutException)
        {
            (status, body) = (503, JsonReply.Error($"the request took longer than the server's limit of {_timeLimit.TotalSeconds:0} s"));
        }
        await JsonReply.Send(ctx, status, body);
    }

    async Task<byte[]> RunLimited(Func<byte[]> work)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (!await _workers.WaitAsync(_timeLimit))
            throw new TimeoutException();
        // The work is not cancellable midway; the assembler's and the verifier's own limits end it. The reply does not wait.
        var task = Task.Run(() =>
        {
            try
            {
                return work();
            }
            finally
            {
                _workers.Release();
            }
        });
        return await task.WaitAsync(_timeLimit - clock.Elapsed is { Ticks: > 0 } left ? left : TimeSpan.Zero);
    }
}
