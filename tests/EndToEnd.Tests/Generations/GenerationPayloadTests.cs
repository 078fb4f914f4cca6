using System.Text.RegularExpressions;

namespace A64Asm.EndToEnd.Tests.Generations;

/// <summary>
/// Issue 14, "the generation samples with a built Image + dtb payload": every sample (and big-endian variant, for each
/// page size), built by a64asm, relocates a kernel Image whose header matches its build and a dtb placed after it, as
/// kexec-tools lays them out; where the era's convention hands the dtb to the code, x0 at the branch is the dtb.
/// </summary>
public class GenerationPayloadTests
{
    public static TheoryData<string> Cases => new(GenerationCase.All.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_relocates_an_Image_and_dtb(string id)
    {
        var c = GenerationCase.ById(id);
        using var scratch = new TempDir();
        string image = Path.Combine(scratch.Root, "reloc.bin"), offsets = Path.Combine(scratch.Root, "o.json");
        var build = Cli.Run([.. c.A64AsmFromSource(image), "--offsets", offsets]);
        Assert.True(build.Status == 0, build.Stderr);
        string kernel = KernelPayloadFiles.WriteImage(scratch.Root, KernelPayloadFiles.Flags(c.PageShift, c.BigEndian));
        string dtb = KernelPayloadFiles.WriteDtb(scratch.Root);

        var (status, stdout, stderr) = Cli.Run(["verify", image, "--offsets", offsets, "--page-size", $"{1 << (c.PageShift - 10)}K",
            "--kernel", kernel, "--dtb", dtb, .. c.Sample.VerifyFlags]);
        string report = stdout.Replace("\r", "");
        Assert.True(status == 0, $"{c.Describe}: exit status {status}\n{report}{stderr}");
        Assert.StartsWith("verify: PASS\n", report);
        var payload = Regex.Match(report, @"\n  payload: kernel Image at 0x[0-9a-f]+ \(text_offset 0x80000, image_size 0x30000\), dtb at (0x[0-9a-f]+) \(0x40 bytes\)(.*)\n");
        Assert.True(payload.Success, report);
        var entry = Regex.Match(report, @"\n  at entry: x0=(0x[0-9a-f]+) x1=0x0 x2=0x0 x3=0x0\n");
        Assert.True(entry.Success, report);
        if (!payload.Groups[2].Value.StartsWith("; x0 not checked", StringComparison.Ordinal))
            Assert.Equal(payload.Groups[1].Value, entry.Groups[1].Value);
    }
}
