using static A64Asm.Assembler.Tests.Hostile.Hostile;

namespace A64Asm.Assembler.Tests.Hostile;

/// <summary>Files that are not regular files are refused by name before they are opened (issue 16).</summary>
public class SourceFileTests
{
    [Theory]
    [InlineData("h.s", ".include \"/dev/zero\"\n", "h.s:1:10: error: '/dev/zero' is not a regular file")]
    [InlineData("h.S", "#include \"/dev/zero\"\n", "h.S:1:10: error: '/dev/zero' is not a regular file")]
    public void Including_a_device_is_refused(string file, string source, string message)
    {
        if (!OperatingSystem.IsLinux()) return;
        Assert.Equal(message, ErrorOf(source, file));
    }

    [Fact]
    public void Including_a_fifo_is_refused_without_blocking()
    {
        if (!OperatingSystem.IsLinux()) return;
        string dir = Path.Combine(Path.GetTempPath(), "a64asm-fifo-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        try
        {
            string fifo = Path.Combine(dir, "pipe");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
            var run = Task.Run(() => ErrorOf($".include \"{fifo}\"\n"));
            Assert.True(run.Wait(TimeSpan.FromSeconds(20)), "the include blocked on the FIFO");
            Assert.Equal($"h.s:1:10: error: '{fifo}' is not a regular file", run.Result);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Assembling_a_device_is_refused()
    {
        if (!OperatingSystem.IsLinux()) return;
        var error = Assert.Throws<Diagnostics.AsmError>(() =>
            AsmDriver.Assemble("/dev/zero", new AssemblerOptions(), new Diagnostics.CollectingDiagnostics()));
        Assert.Equal("'/dev/zero' is not a regular file", error.Message);
        Assert.Null(error.Location);
    }
}
