namespace A64Asm.EndToEnd.Tests;

/// <summary>
/// Command-line mistakes (issue 16), as GNU tools report them: one line naming the option and what it accepts, then
/// where the options are listed, status 1, nothing on stdout and no help page. Values are checked before any file is
/// read, so the files named here need not exist.
/// </summary>
public class CommandLineErrorTests
{
    const string TryVerify = "Try 'a64asm verify --help'";
    const string TryRoot = "Try 'a64asm --help'";

    static void AssertUsage(string[] args, string message, string tryLine)
    {
        var (status, stdout, stderr) = Cli.Run(args);
        Assert.Equal($"a64asm: error: {message}\n{tryLine}\n", stderr.Replace("\r", ""));
        Assert.Equal("", stdout);
        Assert.Equal(1, status);
    }

    [Theory]
    [InlineData("--pages", "abc", "--pages: 'abc' is not a number (1 to 1048576)")]
    [InlineData("--pages", "", "--pages: '' is not a number (1 to 1048576)")]
    [InlineData("--pages", "0", "--pages: '0' is not a number (1 to 1048576)")]
    [InlineData("--pages", "2147483648", "--pages: '2147483648' is not a number (1 to 1048576)")]
    [InlineData("--pages", "-3", "--pages: '-3' is not a number (1 to 1048576)")]
    [InlineData("--seed", "-1", "--seed: '-1' is not a number (0 to 18446744073709551615)")]
    [InlineData("--seed", "18446744073709551616", "--seed: '18446744073709551616' is not a number (0 to 18446744073709551615)")]
    [InlineData("--max-steps", "9223372036854775808", "--max-steps: '9223372036854775808' is not a number (1 to 1000000000)")]
    [InlineData("--max-steps", "9223372036854775807", "--max-steps: '9223372036854775807' is not a number (1 to 1000000000)")]
    [InlineData("--max-steps", "0", "--max-steps: '0' is not a number (1 to 1000000000)")]
    [InlineData("--timeout", "1.5", "--timeout: '1.5' is not a number (1 to 86400)")]
    [InlineData("--timeout", "0", "--timeout: '0' is not a number (1 to 86400)")]
    [InlineData("--page-size", "3K", "--page-size: '3K' is not 4K, 16K or 64K")]
    [InlineData("--page-size", "", "--page-size: '' is not 4K, 16K or 64K")]
    [InlineData("--caches", "maybe", "--caches: 'maybe' is not on or off")]
    [InlineData("--mmu-at-entry", "1", "--mmu-at-entry: '1' is not on or off")]
    [InlineData("--convention", "guess", "--convention: 'guess' is not patched-quads, patched-globals, spin-table, regs, regs-dtb or kimage-struct")]
    [InlineData("--kimage-field", "KIMAGE_HEAD", "--kimage-field: 'KIMAGE_HEAD' is not KIMAGE_HEAD=OFFSET (a decimal or 0x hex number)")]
    public void Every_verify_value_is_checked_with_its_range(string option, string value, string message)
    {
        AssertUsage(["verify", "img.bin", "--offsets", "o.json", option, value], message, TryVerify);
        // The same options after --verify, before anything is assembled.
        AssertUsage(["no-such.S", "-o", "x.bin", "--verify", option, value], message, TryRoot);
    }

    [Theory]
    [InlineData("1048576", "64K", "--pages 1048576 of 64K make a 64 GiB kimage, which exceeds the limit of 256 MiB (4096 pages of 64K; use --max-kimage-size to raise it)")]
    [InlineData("65537", "4K", "--pages 65537 of 4K make a 262148 KiB kimage, which exceeds the limit of 256 MiB (65536 pages of 4K; use --max-kimage-size to raise it)")]
    public void Pages_times_page_size_has_its_own_limit(string pages, string pageSize, string message) =>
        AssertUsage(["verify", "img.bin", "--offsets", "o.json", "--pages", pages, "--page-size", pageSize], message, TryVerify);

    [Theory]
    [InlineData("1G", "--pages 1048576 of 64K make a 64 GiB kimage, which exceeds the limit of 1 GiB (16384 pages of 64K; use --max-kimage-size to raise it)")]
    [InlineData("3X", "--max-kimage-size: '3X' is not a size (4096 to 68719476736 bytes; K, M and G multiply by 1024, 1024², 1024³)")]
    [InlineData("128G", "--max-kimage-size: '128G' is not a size (4096 to 68719476736 bytes; K, M and G multiply by 1024, 1024², 1024³)")]
    public void The_kimage_limit_can_be_raised_within_its_own_range(string limit, string message) =>
        AssertUsage(["verify", "img.bin", "--offsets", "o.json", "--pages", "1048576", "--page-size", "64K", "--max-kimage-size", limit], message, TryVerify);

    [Fact]
    public void Verify_without_offsets_or_convention_names_both() =>
        AssertUsage(["verify", "img.bin"], "verify: missing --offsets FILE (what a64asm --offsets wrote) or --convention NAME", TryVerify);

    [Fact]
    public void An_option_without_its_value_names_what_it_takes() =>
        AssertUsage(["verify", "img.bin", "--offsets"], "--offsets: missing FILE", TryVerify);

    [Fact]
    public void A_value_given_twice_is_refused() =>
        AssertUsage(["verify", "img.bin", "--offsets", "o.json", "--pages", "2", "--pages", "3"], "--pages: given more than once", TryVerify);

    [Theory]
    [InlineData("verify", new[] { "verify", "--bogus", "img.bin", "--offsets", "o.json" })]
    [InlineData("disasm", new[] { "disasm", "--bogus", "img.bin" })]
    [InlineData("explain", new[] { "explain", "--bogus" })]
    [InlineData("link", new[] { "link", "a.o", "--bogus" })]
    [InlineData(null, new[] { "--bogus" })]
    [InlineData(null, new[] { "x.S", "--pagez", "3" })]
    public void An_unknown_option_is_named_whichever_command_it_is_given_to(string? command, string[] args) =>
        AssertUsage(args, $"unrecognized command-line option '{args.First(a => a.StartsWith("--"))}'",
            command is null ? TryRoot : $"Try 'a64asm {command} --help'");

    [Theory]
    [InlineData(new string[0], "missing file operand", TryRoot)]
    [InlineData(new[] { "disasm" }, "disasm: missing file operand", "Try 'a64asm disasm --help'")]
    [InlineData(new[] { "explain" }, "explain: missing instruction operand", "Try 'a64asm explain --help'")]
    [InlineData(new[] { "link", "-o", "x.bin" }, "link: missing objects operand", "Try 'a64asm link --help'")]
    [InlineData(new[] { "disasm", "a.bin", "b.bin" }, "disasm: unexpected operand 'b.bin'", "Try 'a64asm disasm --help'")]
    public void Missing_and_extra_operands_are_one_line(string[] args, string message, string tryLine) =>
        AssertUsage(args, message, tryLine);

    [Theory]
    [InlineData(new[] { "--max-section-size", "3X" }, "--max-section-size: '3X' is not a number (1 to 1073741824)")]
    [InlineData(new[] { "--max-rept", "-1" }, "--max-rept: '-1' is not a number (1 to 9223372036854775807)")]
    [InlineData(new[] { "--defsym", "X" }, "bad --defsym 'X': expected name=value")]
    [InlineData(new[] { "-Ttext", "zz" }, "invalid hex number `zz' in '-Ttext=zz'")]
    [InlineData(new[] { "-c", "--offsets", "o.json" }, "--offsets reports the linked image; it does not apply to -c")]
    [InlineData(new[] { "-c", "--verify" }, "--verify runs the linked image; it does not apply to -c")]
    public void Assembler_options_are_checked_before_the_source_is_read(string[] extra, string message) =>
        AssertUsage(["no-such.S", "-o", "x.o", .. extra], message, TryRoot);

    [Theory]
    [InlineData(new[] { "--format", "coff" }, "--format: 'coff' is not binary or elf")]
    [InlineData(new[] { "--format", "elf", "-j", ".text" }, "-j applies to the flat image; --format elf writes every section")]
    public void Link_options_are_checked_before_the_objects_are_read(string[] extra, string message) =>
        AssertUsage(["link", "no-such.o", "-o", "x.bin", .. extra], message, "Try 'a64asm link --help'");

    [Fact]
    public void Disasm_base_is_checked_before_the_file_is_read() =>
        AssertUsage(["disasm", "no-such.bin", "--base", "zz"], "--base: 'zz' is not a word-aligned address", "Try 'a64asm disasm --help'");
}
