namespace A64Asm.Serve.Tests.Browser;

/// <summary>The served pages and a headless Chromium tab, shared by the browser tests (started only when they run).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    ServeProcess? _server;
    Chromium? _browser;
    CdpPage? _page;

    public string Url => _server!.Url;
    public CdpPage Page => _page!;

    /// <summary>Where the tests leave a screenshot of each view.</summary>
    public static string Screenshots => Repo.Path("artifacts/screenshots");

    public async Task InitializeAsync()
    {
        // Skipped tests (no chromium, outside CI) never reach here: xUnit builds a class fixture only for tests that run.
        if (OracleTools.Missing([Oracle.Chromium]) is not null && !OracleTools.InCi)
            return;
        _server = await ServeProcess.StartAsync();
        _browser = await Chromium.LaunchAsync();
        _page = await _browser.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_page is not null) await _page.DisposeAsync();
        if (_browser is not null) await _browser.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}
