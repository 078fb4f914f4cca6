using System.Buffers.Binary;
using A64Asm.Verifier.Kexec;
using A64Asm.Verifier.Tests.Conventions;
using Xunit.Abstractions;

namespace A64Asm.Verifier.Tests.Payloads;

/// <summary>A DTB as a board's would be made: dtc (Debian's device-tree-compiler) compiles a .dts written here.</summary>
public class DtcPayloadTests(ITestOutputHelper output)
{
    private const string BoardDts = """
        /dts-v1/;

        / {
            compatible = "a64asm,kexec-test";
            #address-cells = <2>;
            #size-cells = <2>;

            chosen {
                bootargs = "console=ttyAMA0 earlycon";
            };

            memory@80000000 {
                device_type = "memory";
                reg = <0x0 0x80000000 0x0 0x10000000>;
            };
        };
        """;

    [OracleFact(Oracle.Dtc)]
    public void A_dtb_compiled_by_dtc_reaches_the_kernel_in_x0()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("board.dts"), BoardDts);
        Tool.CheckIn(dir.Root, "dtc", "-I", "dts", "-O", "dtb", "-o", "board.dtb", "board.dts");
        var dtb = File.ReadAllBytes(dir.Path("board.dtb"));
        Assert.Equal((uint)dtb.Length, BinaryPrimitives.ReadUInt32BigEndian(dtb.AsSpan(4)));

        var built = Built.From(Programs.RegsDtb());
        var report = KexecVerifier.Verify(built.ControlCode, new KexecLayout(0, 0), new VerifyOptions
        {
            Convention = KexecConvention.RegisterArguments,
            Payload = KexecPayload.Load(TestPayloads.Image(TestPayloads.PageSizeFlag(4096)), "Image", dtb, "board.dtb"),
        });
        output.WriteLine(report.ToText());
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(new ulong[] { 0x802b1000, 0, 0, 0 }, report.EntryRegisters);
        Assert.Equal($"kernel Image at 0x80280000 (text_offset 0x80000, image_size 0x30000), dtb at 0x802b1000 (0x{dtb.Length:x} bytes)", report.Payload);
    }
}
