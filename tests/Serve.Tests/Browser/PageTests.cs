namespace A64Asm.Serve.Tests.Browser;

/// <summary>
/// The four views of a64asm serve in a real browser: typed into, clicked, uploaded to, read back from the page.
/// Chromium is an oracle: missing outside CI the tests are skipped, under CI=true they fail.
/// </summary>
public sealed class ServePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    CdpPage Page => browser.Page;

    static string Js(string text) => System.Text.Json.JsonSerializer.Serialize(text, JsonContext.Default.String);

    const string EncodeWords = "document.querySelector('#encode-lines tr.clickable[data-line=\"1\"] td.words')?.textContent";
    const string DiagramNames = "[...document.querySelectorAll('#encode-diagram .field .name')].map(n => n.textContent).join(' ')";

    [OracleFact(Oracle.Chromium)]
    public async Task Encode_shows_the_bytes_and_the_fields_of_a_typed_line()
    {
        await Page.Navigate(browser.Url + "#encode");
        await Page.Click("#encode-source");
        await Page.SelectAll();
        await Page.Type("ldp x22, x23, [x21, #16]");
        await Page.WaitFor($"{EncodeWords} === 'a9415eb6'", "the line's word");
        await Page.WaitFor($"{DiagramNames} === 'opc - V - L imm7 Rt2 Rn Rt'", "the field diagram");
        Assert.Equal("0xa9415eb6  ldp x22, x23, [x21, #16]", await Page.Text("document.querySelector('#encode-diagram .diagram-title').textContent"));
        Assert.Equal("10110", await Page.Text("document.querySelector('#encode-diagram .field[data-name=\"Rt\"] .bits').textContent"));
        await Page.Click("#encode-diagram .field[data-name=\"imm7\"]");
        Assert.Equal("imm7 [21:15]|0000010|2|→|offset 2 × 8 = 16 bytes",
            await Page.Text("[...document.querySelector('#encode-diagram tr.chosen').cells].map(c => c.textContent).join('|')"));
        await Page.Screenshot(Path.Combine(BrowserFixture.Screenshots, "encode.png"));

        // Changing an operand changes the bits.
        await Page.Click("#encode-source");
        await Page.SelectAll();
        await Page.Type("ldp x24, x25, [x21, #16]");
        await Page.WaitFor($"{EncodeWords} === 'a94166b8'", "the new word");
        await Page.WaitFor("document.querySelector('#encode-diagram .field[data-name=\"Rt\"] .bits')?.textContent === '11000'", "Rt's new bits");

        // An error is shown on its line with the command line's text.
        await Page.SelectAll();
        await Page.Type("nop\n  bogus x1");
        await Page.WaitFor("document.querySelector('#encode-lines tr.error[data-line=\"2\"]')", "the error row");
        Assert.Equal("input.S:2:3: error: unknown mnemonic `bogus'\n   bogus x1\n   ^", await Page.Text("document.querySelector('#encode-lines tr.error[data-line=\"2\"]').textContent"));
        Assert.Empty(Page.Errors);
    }

    [OracleFact(Oracle.Chromium)]
    public async Task Decode_lists_pasted_words_and_explains_a_clicked_one()
    {
        await Page.Navigate(browser.Url + "#decode");
        await Page.Click("#decode-input");
        await Page.SelectAll();
        await Page.Type("0xa94166b8");
        await Page.Click("#decode-run");
        await Page.WaitFor("document.querySelector('#decode-listing .word[data-word=\"a94166b8\"]')", "the listed word");
        string listing = (await Page.Text("document.querySelector('#decode-listing').textContent"))!;
        Assert.Contains("   0:\ta94166b8 \tldp\tx24, x25, [x21, #16]\n", listing);
        await Page.Click("#decode-listing .word[data-word=\"a94166b8\"]");
        await Page.WaitFor("document.querySelector('#decode-diagram .diagram-title')?.textContent === '0xa94166b8  ldp x24, x25, [x21, #16]'", "the word's diagram");
        Assert.Equal("opc - V - L imm7 Rt2 Rn Rt", await Page.Text("[...document.querySelectorAll('#decode-diagram .field .name')].map(n => n.textContent).join(' ')"));
        await Page.Screenshot(Path.Combine(BrowserFixture.Screenshots, "decode.png"));

        // An uploaded image lists as a64asm disasm lists it.
        await Page.Upload("#decode-file", Repo.Path("tests/vectors/e2e/relocate_kernel.ps12.bin"));
        await Page.WaitFor("document.querySelector('#decode-listing .word[data-address=\"0x5c\"]')", "the uploaded image's words");
        var (status, stdout, _) = Cli.Run("disasm", "tests/vectors/e2e/relocate_kernel.ps12.bin");
        Assert.Equal(0, status);
        Assert.Equal(stdout.Replace("tests/vectors/e2e/relocate_kernel.ps12.bin", "upload"), await Page.Text("document.querySelector('#decode-listing').textContent"));
        Assert.Empty(Page.Errors);
    }

    [OracleFact(Oracle.Chromium)]
    public async Task Control_page_shows_the_offsets_of_an_uploaded_sample()
    {
        await Page.Navigate(browser.Url + "#control");
        await Page.Upload("#control-file", Repo.Path("samples/relocate_kernel.S"));
        const string head = "document.querySelector('#control-offsets li[data-symbol=\"arm64_kexec_kimage_head_offset\"]')?.textContent";
        await Page.WaitFor($"{head}?.startsWith('arm64_kexec_kimage_head_offset = 0xe8 ')", "the kimage_head offset");
        Assert.Equal("arm64_kexec_kimage_start_offset = 0xe0   quad at 0xe0 holds 0x0000000000000000 until machine_kexec patches it",
            await Page.Text("document.querySelector('#control-offsets li[data-symbol=\"arm64_kexec_kimage_start_offset\"]').textContent"));
        // The two patched quads are the highlighted lines of the listing.
        Assert.Equal(2, (await Page.Evaluate("document.querySelectorAll('#control-lines tr.patched').length")).GetInt32());
        await Page.Screenshot(Path.Combine(BrowserFixture.Screenshots, "control.png"));

        // The bundled sample gives the same.
        await Page.Navigate(browser.Url + "#control");
        await Page.Click("#control-sample");
        await Page.WaitFor($"{head}?.startsWith('arm64_kexec_kimage_head_offset = 0xe8 ')", "the bundled sample's offset");
        Assert.Empty(Page.Errors);
    }

    [OracleFact(Oracle.Chromium)]
    public async Task Verify_places_the_stale_icache_finding_on_its_source_line()
    {
        await Page.Navigate(browser.Url + "#verify");
        await Page.Evaluate("(() => { const s = document.getElementById('verify-caches'); s.value = 'on'; s.dispatchEvent(new Event('change')); })()");
        await Page.Click("#verify-run");
        const string finding = "#verify-lines tr[data-line=\"36\"] .finding[data-id=\"icache-stale\"]";
        await Page.WaitFor($"document.querySelector({Js(finding)})", "the icache-stale finding on line 36");
        Assert.Equal("samples/relocate_kernel.S:36|58000752|ldr x18, .Lkimage_head /* x18 = list entry */|icache-stale",
            await Page.Text("[...document.querySelector('#verify-lines tr[data-line=\"36\"]').cells].map(c => c.textContent).join('|')"));
        Assert.Equal(1, (await Page.Evaluate("document.querySelectorAll('#verify-lines .finding').length")).GetInt32());
        Assert.Equal("FAIL", await Page.Text("document.querySelector('#verify-summary .failed').textContent"));
        await Page.Screenshot(Path.Combine(BrowserFixture.Screenshots, "verify.png"));

        // With the caches off the sample passes and no line has a finding.
        await Page.Evaluate("(() => { const s = document.getElementById('verify-caches'); s.value = 'off'; })()");
        await Page.Click("#verify-run");
        await Page.WaitFor("document.querySelector('#verify-summary .passed')?.textContent === 'PASS'", "a passing run");
        Assert.Equal(0, (await Page.Evaluate("document.querySelectorAll('#verify-lines .finding').length")).GetInt32());
        Assert.Empty(Page.Errors);
    }
}
