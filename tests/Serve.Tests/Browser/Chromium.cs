using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace A64Asm.Serve.Tests.Browser;

/// <summary>
/// Headless Chromium (Debian's chromium package) started for the tests and driven over the DevTools protocol: no browser
/// download, no driver. Only this test's own process is ever stopped.
/// </summary>
public sealed partial class Chromium : IAsyncDisposable
{
    readonly Process _process;
    readonly string _profile;
    readonly Uri _devtools;

    Chromium(Process process, string profile, Uri devtools) => (_process, _profile, _devtools) = (process, profile, devtools);

    public static async Task<Chromium> LaunchAsync()
    {
        string exe = new[] { "chromium", "chromium-browser", "google-chrome" }.Select(OracleTools.Which).FirstOrDefault(p => p is not null)
            ?? throw new InvalidOperationException("chromium is not on PATH (tools/test.sh installs Debian's chromium package)");
        string profile = TempDir.Create();
        var start = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--no-default-browser-check", "--disable-extensions", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                     "--window-size=1280,900", "about:blank" })
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            string? line;
            try
            {
                line = await process.StandardError.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                line = null;
            }
            if (line is null)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new InvalidOperationException($"chromium did not start its DevTools endpoint:\n{stderr}");
            }
            stderr.AppendLine(line);
            if (DevToolsLine().Match(line) is { Success: true } m)
            {
                // Keep draining stderr so that chromium never blocks on a full pipe.
                _ = Task.Run(async () => { while (await process.StandardError.ReadLineAsync() is not null) { } });
                return new Chromium(process, profile, new Uri(m.Groups[1].Value));
            }
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();

    /// <summary>A new tab, 1280×900.</summary>
    public async Task<CdpPage> NewPageAsync()
    {
        using var http = new HttpClient();
        var response = await http.PutAsync(new Uri(_devtools, "/json/new?about:blank").ToString().Replace("ws://", "http://"), null);
        var target = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var page = await CdpPage.ConnectAsync(new Uri(target.GetProperty("webSocketDebuggerUrl").GetString()!));
        await page.Send("Page.enable");
        await page.Send("Runtime.enable");
        await page.Send("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = 1280, ["height"] = 900, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>One tab over its DevTools WebSocket: commands by id, page errors collected.</summary>
public sealed class CdpPage : IAsyncDisposable
{
    readonly ClientWebSocket _socket = new();
    readonly Dictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    readonly SemaphoreSlim _send = new(1);
    int _nextId;
    Task _receiver = Task.CompletedTask;

    /// <summary>Uncaught exceptions and console errors of the page, for the failure message.</summary>
    public List<string> Errors { get; } = [];

    public static async Task<CdpPage> ConnectAsync(Uri url)
    {
        var page = new CdpPage();
        page._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await page._socket.ConnectAsync(url, CancellationToken.None);
        page._receiver = Task.Run(page.Receive);
        return page;
    }

    public async Task<JsonElement> Send(string method, JsonObject? parameters = null)
    {
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_pending)
        {
            id = ++_nextId;
            _pending[id] = done;
        }
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
        return await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    async Task Receive()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        while (_socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                break;
            }
            if (result.MessageType == WebSocketMessageType.Close) break;
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            var root = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            message.SetLength(0);
            if (root.TryGetProperty("id", out var idElement))
            {
                TaskCompletionSource<JsonElement>? done;
                lock (_pending)
                    _pending.Remove(idElement.GetInt32(), out done);
                if (root.TryGetProperty("error", out var error))
                    done?.TrySetException(new InvalidOperationException("DevTools: " + error.GetRawText()));
                else
                    done?.TrySetResult(root.GetProperty("result"));
            }
            else if (root.GetProperty("method").GetString() is "Runtime.exceptionThrown" or "Runtime.consoleAPICalled" && root.GetRawText() is { } text
                     && (text.Contains("exceptionDetails") || text.Contains("\"type\":\"error\"")))
            {
                lock (Errors) Errors.Add(text.Length > 2000 ? text[..2000] : text);
            }
        }
    }

    /// <summary>Loads <paramref name="url"/> afresh (by way of about:blank, so a change of #view alone reloads too).</summary>
    public async Task Navigate(string url)
    {
        await Send("Page.navigate", new JsonObject { ["url"] = "about:blank" });
        await WaitFor("location.href === 'about:blank'", "about:blank");
        await Send("Page.navigate", new JsonObject { ["url"] = url });
        await WaitFor("document.readyState === 'complete' && location.href === " + JsonValue.Create(url)!.ToJsonString(), "the page to load");
    }

    /// <summary>The value of a JavaScript expression (awaited when it is a promise).</summary>
    public async Task<JsonElement> Evaluate(string expression)
    {
        var result = await Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result.TryGetProperty("exceptionDetails", out var details))
            throw new InvalidOperationException($"{expression}: {details.GetRawText()}");
        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var v) ? v : default;
    }

    public async Task<string?> Text(string expression)
    {
        var value = await Evaluate(expression);
        return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>Polls <paramref name="condition"/> until it is true; fails with what the page shows when it never is.</summary>
    public async Task WaitFor(string condition, string what, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            if ((await Evaluate($"!!({condition})")).ValueKind == JsonValueKind.True)
                return;
            await Task.Delay(100);
        }
        string shown = await Text("document.querySelector('.view.active')?.innerText ?? document.body.innerText") ?? "";
        Assert.Fail($"waited {seconds} s for {what} ({condition}); the page shows:\n{(shown.Length > 3000 ? shown[..3000] : shown)}\npage errors: {string.Join("\n", Errors)}");
    }

    /// <summary>A real mouse click in the middle of the element <paramref name="selector"/> names.</summary>
    public async Task Click(string selector)
    {
        var box = await Evaluate($$"""
            (() => { const e = document.querySelector({{JsonValue.Create(selector)!.ToJsonString()}}); if (!e) return null;
                     e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()
            """);
        Assert.True(box.ValueKind == JsonValueKind.Object, $"no element {selector} to click");
        double x = box.GetProperty("x").GetDouble(), y = box.GetProperty("y").GetDouble();
        await Send("Input.dispatchMouseEvent", new JsonObject { ["type"] = "mouseMoved", ["x"] = x, ["y"] = y });
        foreach (var type in new[] { "mousePressed", "mouseReleased" })
            await Send("Input.dispatchMouseEvent", new JsonObject { ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = "left", ["clickCount"] = 1 });
    }

    /// <summary>Types <paramref name="text"/> where the focus is, as an input method would (input events fire).</summary>
    public Task Type(string text) => Send("Input.insertText", new JsonObject { ["text"] = text });

    /// <summary>Selects everything in the focused field, so the next <see cref="Type"/> replaces it.</summary>
    public async Task SelectAll()
    {
        foreach (var type in new[] { "keyDown", "keyUp" })
            await Send("Input.dispatchKeyEvent", new JsonObject { ["type"] = type, ["key"] = "a", ["code"] = "KeyA", ["windowsVirtualKeyCode"] = 65, ["modifiers"] = 2, ["commands"] = new JsonArray("selectAll") });
    }

    /// <summary>Puts <paramref name="path"/> in the file input <paramref name="selector"/> names, as a user picking it would.</summary>
    public async Task Upload(string selector, string path)
    {
        var document = await Send("DOM.getDocument");
        var node = await Send("DOM.querySelector", new JsonObject { ["nodeId"] = document.GetProperty("root").GetProperty("nodeId").GetInt32(), ["selector"] = selector });
        await Send("DOM.setFileInputFiles", new JsonObject { ["nodeId"] = node.GetProperty("nodeId").GetInt32(), ["files"] = new JsonArray(path) });
    }

    public async Task Screenshot(string path)
    {
        var shot = await Send("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or InvalidOperationException) { }
        _socket.Dispose();
    }
}
