namespace A64Asm.EndToEnd.Tests;

/// <summary>
/// Outputs are written all or nothing (issue 16): a failing run leaves every file that was there byte for byte as it
/// was and no temporary beside it, for each output option of each command; special files are written in place.
/// </summary>
public class OutputAtomicityTests
{
    const string Sample = "samples/relocate_kernel.S";

    /// <summary>A folder holding outputs of an earlier run: out.bin, o.json, l.lst, out.o, and a folder odir.</summary>
    static string EarlierOutputs()
    {
        string dir = TempDir.Create();
        foreach (var name in new[] { "out.bin", "o.json", "l.lst", "out.o" })
            File.WriteAllText(Path.Combine(dir, name), $"earlier {name}\n");
        Directory.CreateDirectory(Path.Combine(dir, "odir"));
        return dir;
    }

    static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(dir, p), p => Directory.Exists(p) ? "<dir>" : Convert.ToHexString(File.ReadAllBytes(p)));

    /// <summary>Runs <paramref name="args"/> (with {dir} replaced) and checks the error and that nothing changed.</summary>
    static void AssertFailsAndChangesNothing(string[] args, string expectedStderr)
    {
        string dir = EarlierOutputs();
        var before = Snapshot(dir);
        var (status, _, stderr) = Cli.Run(args.Select(a => a.Replace("{dir}", dir)).ToArray());
        Assert.Equal(expectedStderr.Replace("{dir}", dir), stderr.Replace("\r", ""));
        Assert.Equal(1, status);
        Assert.Equal(before, Snapshot(dir));
    }

    static string[] BuildSample(params string[] extra) => [Sample, "-I", "samples/include", "-o", "{dir}/out.bin", .. extra];

    [Fact]
    public void Offsets_in_a_missing_folder_leave_the_image_alone() =>
        AssertFailsAndChangesNothing(BuildSample("--offsets", "{dir}/nodir/o.json"),
            "a64asm: error: --offsets: cannot write '{dir}/nodir/o.json': No such file or directory\nTry 'a64asm --help'\n");

    [Fact]
    public void Offsets_naming_a_folder_leave_the_image_alone() =>
        AssertFailsAndChangesNothing(BuildSample("--offsets", "{dir}/odir"),
            "a64asm: error: --offsets: '{dir}/odir' is a directory\nTry 'a64asm --help'\n");

    [Fact]
    public void A_listing_in_a_missing_folder_leaves_the_image_and_offsets_alone() =>
        AssertFailsAndChangesNothing(BuildSample("--offsets", "{dir}/o.json", "--listing", "{dir}/nodir/l.lst"),
            "a64asm: error: --listing: cannot write '{dir}/nodir/l.lst': No such file or directory\nTry 'a64asm --help'\n");

    [Fact]
    public void An_image_in_a_missing_folder_leaves_the_offsets_alone() =>
        AssertFailsAndChangesNothing([Sample, "-I", "samples/include", "-o", "{dir}/nodir/out.bin", "--offsets", "{dir}/o.json"],
            "a64asm: error: -o: cannot write '{dir}/nodir/out.bin': No such file or directory\nTry 'a64asm --help'\n");

    [Fact]
    public void Two_options_naming_one_file_are_refused() =>
        AssertFailsAndChangesNothing(BuildSample("--listing", "{dir}/out.bin"),
            "a64asm: error: --listing: '{dir}/out.bin' is also the -o output\nTry 'a64asm --help'\n");

    [Theory]
    [InlineData("--pages", "0", "--pages: '0' is not a number (1 to 1048576)")]
    [InlineData("--page-size", "3K", "--page-size: '3K' is not 4K, 16K or 64K")]
    [InlineData("--caches", "maybe", "--caches: 'maybe' is not on or off")]
    public void A_bad_verify_option_fails_before_any_output_is_written(string option, string value, string message) =>
        AssertFailsAndChangesNothing(BuildSample("--offsets", "{dir}/o.json", "--listing", "{dir}/l.lst", "--verify", option, value),
            $"a64asm: error: {message}\nTry 'a64asm --help'\n");

    [Fact]
    public void Verify_of_an_image_without_offset_symbols_writes_nothing()
    {
        string src = Path.Combine(TempDir.Create(), "n.s");
        File.WriteAllText(src, "nop\n");
        AssertFailsAndChangesNothing([src, "-o", "{dir}/out.bin", "--listing", "{dir}/l.lst", "--verify"],
            "a64asm: error: --verify: cannot tell the hand-off convention (no arm64_kexec_* offsets, no marked control code): pass --convention\n");
    }

    [Fact]
    public void Offsets_of_an_image_without_offset_symbols_leave_the_image_alone()
    {
        string src = Path.Combine(TempDir.Create(), "n.s");
        File.WriteAllText(src, "nop\n");
        AssertFailsAndChangesNothing([src, "-o", "{dir}/out.bin", "--offsets", "{dir}/o.json"],
            "a64asm: error: --offsets: the image defines none of the arm64_kexec_* / arm64_relocate_new_kernel_size symbols\n");
    }

    [Fact]
    public void A_failed_verification_writes_nothing_and_says_so()
    {
        string dir = EarlierOutputs();
        var before = Snapshot(dir);
        var (status, stdout, stderr) = Cli.Run(Sample, "-I", "samples/include", "-o", Path.Combine(dir, "out.bin"),
            "--offsets", Path.Combine(dir, "o.json"), "--listing", Path.Combine(dir, "l.lst"), "--verify", "--caches", "on");
        Assert.Equal(1, status);
        Assert.Contains("[icache-stale]", stdout);
        Assert.Equal($"a64asm: error: --verify failed, so {dir}/out.bin, {dir}/o.json, {dir}/l.lst were not written\n", stderr.Replace("\r", ""));
        Assert.Equal(before, Snapshot(dir));
    }

    [Fact]
    public void A_source_error_leaves_the_image_offsets_and_listing_alone()
    {
        string src = Path.Combine(TempDir.Create(), "bad.s");
        File.WriteAllText(src, "nop\nbogus x0\n");
        AssertFailsAndChangesNothing([src, "-o", "{dir}/out.bin", "--offsets", "{dir}/o.json", "--listing", "{dir}/l.lst"],
            $"{src}:2:1: error: unknown mnemonic `bogus'\n bogus x0\n ^\n");
    }

    [Fact]
    public void A_source_error_leaves_the_object_and_its_listing_alone()
    {
        string src = Path.Combine(TempDir.Create(), "bad.s");
        File.WriteAllText(src, "nop\nbogus x0\n");
        AssertFailsAndChangesNothing([src, "-c", "-o", "{dir}/out.o", "--listing", "{dir}/l.lst"],
            $"{src}:2:1: error: unknown mnemonic `bogus'\n bogus x0\n ^\n");
    }

    [Fact]
    public void An_output_naming_the_input_is_refused()
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "n.s");
        File.WriteAllText(src, "nop\n");
        var (status, _, stderr) = Cli.Run(src, "-c", "-o", src);
        Assert.Equal(1, status);
        Assert.Equal($"a64asm: error: -o: '{src}' is also an input\nTry 'a64asm --help'\n", stderr.Replace("\r", ""));
        Assert.Equal("nop\n", File.ReadAllText(src));
    }

    [Fact]
    public void A_successful_run_replaces_every_output_and_leaves_no_temporary()
    {
        string dir = EarlierOutputs();
        var (status, _, stderr) = Cli.Run(Sample, "-I", "samples/include", "-o", Path.Combine(dir, "out.bin"),
            "--offsets", Path.Combine(dir, "o.json"), "--listing", Path.Combine(dir, "l.lst"));
        Assert.True(status == 0, stderr);
        Assert.Equal(4120, new FileInfo(Path.Combine(dir, "out.bin")).Length);
        Assert.StartsWith("{", File.ReadAllText(Path.Combine(dir, "o.json")));
        Assert.Contains(".globl arm64_relocate_new_kernel", File.ReadAllText(Path.Combine(dir, "l.lst")));
        Assert.Equal(["l.lst", "o.json", "odir", "out.bin", "out.o"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Link_offsets_in_a_missing_folder_leave_the_image_alone()
    {
        string obj = Path.Combine(TempDir.Create(), "r.o");
        Assert.Equal(0, Cli.Run(Sample, "-I", "samples/include", "-c", "-o", obj).Status);
        AssertFailsAndChangesNothing(["link", obj, "-o", "{dir}/out.bin", "--offsets", "{dir}/nodir/o.json"],
            "a64asm: error: --offsets: cannot write '{dir}/nodir/o.json': No such file or directory\nTry 'a64asm link --help'\n");
    }

    /// <summary>An object whose "bl helper" no input defines: its link fails with an undefined reference.</summary>
    static string ObjectCallingAMissingHelper()
    {
        string tmp = TempDir.Create();
        string src = Path.Combine(tmp, "u.s"), obj = Path.Combine(tmp, "u.o");
        File.WriteAllText(src, "bl helper\n");
        Assert.Equal(0, Cli.Run(src, "-c", "-o", obj).Status);
        return obj;
    }

    [Fact]
    public void A_failed_link_leaves_the_image_and_offsets_alone()
    {
        string obj = ObjectCallingAMissingHelper();
        AssertFailsAndChangesNothing(["link", obj, "-o", "{dir}/out.bin", "--offsets", "{dir}/o.json"],
            $"a64asm: error: {obj}:(.text+0x0): undefined reference to 'helper'\n");
    }

    [Fact]
    public void A_failed_link_leaves_the_map_and_the_image_alone()
    {
        string obj = ObjectCallingAMissingHelper();
        AssertFailsAndChangesNothing(["link", obj, "-o", "{dir}/out.bin", "-Map", "{dir}/l.lst"],
            $"a64asm: error: {obj}:(.text+0x0): undefined reference to 'helper'\n");
    }

    [Fact]
    public void Dev_null_is_written_in_place_not_replaced()
    {
        if (!OperatingSystem.IsLinux()) return;
        var (status, _, stderr) = Cli.Run(Sample, "-I", "samples/include", "-o", "/dev/null");
        Assert.True(status == 0, stderr);
        Assert.Equal(A64Asm.Assembler.Diagnostics.PathKind.Special, A64Asm.Assembler.Diagnostics.FileKind.Of("/dev/null"));
        Assert.Equal(0, new FileInfo("/dev/null").Length);
        Assert.Empty(Directory.EnumerateFiles("/dev", ".null.*"));
    }

    [Fact]
    public void A_fifo_is_written_in_place_for_its_reader()
    {
        if (!OperatingSystem.IsLinux()) return;
        string dir = TempDir.Create();
        string fifo = Path.Combine(dir, "pipe");
        Tool.Check("mkfifo", fifo);
        var reader = Task.Run(() => File.ReadAllBytes(fifo));
        var (status, _, stderr) = Cli.Run(Sample, "-I", "samples/include", "-o", fifo);
        Assert.True(status == 0, stderr);
        Assert.True(reader.Wait(TimeSpan.FromSeconds(30)));
        Assert.Equal(4120, reader.Result.Length);
        Assert.Equal(["pipe"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void An_output_through_a_symlink_replaces_the_file_it_points_at_and_keeps_its_mode()
    {
        if (!OperatingSystem.IsLinux()) return;
        string dir = TempDir.Create();
        string real = Path.Combine(dir, "real.bin"), link = Path.Combine(dir, "link.bin");
        File.WriteAllText(real, "earlier\n");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead;
        File.SetUnixFileMode(real, mode);
        File.CreateSymbolicLink(link, real);
        var (status, _, stderr) = Cli.Run(Sample, "-I", "samples/include", "-o", link);
        Assert.True(status == 0, stderr);
        Assert.Equal(real, new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true)?.FullName);
        Assert.Equal(4120, new FileInfo(real).Length);
        Assert.Equal(mode, File.GetUnixFileMode(real));
        Assert.Equal(["link.bin", "real.bin"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Order());
    }
}
