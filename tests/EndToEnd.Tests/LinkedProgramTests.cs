namespace A64Asm.EndToEnd.Tests;

/// <summary>
/// `a64asm link --format elf` writes a program as ld does: a new file gets the execute bits (ld's 0777 less the umask),
/// so qemu-aarch64 runs it; a flat image stays a data file.
/// </summary>
public class LinkedProgramTests
{
    const string Hello = """
        .text
        .globl _start
    _start:
        mov x0, #1
        adr x1, message
        mov x2, #3
        mov x8, #64          // write
        svc #0
        mov x0, #7
        mov x8, #93          // exit
        svc #0
    message:
        .ascii "hi\n"
    """;

    static (string Dir, string Object) Assemble()
    {
        string dir = TempDir.Create(), source = Path.Combine(dir, "hello.s"), obj = Path.Combine(dir, "hello.o");
        File.WriteAllText(source, Hello);
        var (status, _, stderr) = Cli.Run("-c", source, "-o", obj);
        Assert.True(status == 0, stderr);
        return (dir, obj);
    }

    [OracleFact(Oracle.Qemu)]
    public void An_ELF_program_is_written_executable_and_runs_in_qemu()
    {
        var (dir, obj) = Assemble();
        string program = Path.Combine(dir, "hello");
        var (status, _, stderr) = Cli.Run("link", obj, "--format", "elf", "-Ttext=0x400000", "-e", "_start", "-o", program);
        Assert.True(status == 0, stderr);
        if (!OperatingSystem.IsWindows())
            Assert.True((File.GetUnixFileMode(program) & UnixFileMode.UserExecute) != 0, $"{File.GetUnixFileMode(program)}");
        var run = Tool.Run("qemu-aarch64", program);
        Assert.Equal(7, run.Status);
        Assert.Equal("hi\n", run.Stdout);
    }

    [Fact]
    public void A_flat_image_is_not_made_executable()
    {
        if (OperatingSystem.IsWindows()) return;
        var (dir, obj) = Assemble();
        string image = Path.Combine(dir, "hello.bin");
        Assert.Equal(0, Cli.Run("link", obj, "-o", image).Status);
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(image) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute));
    }
}
