using A64Asm.Verifier.Kexec;
using A64Asm.Verifier.Tests.Conventions;
using Xunit.Abstractions;

namespace A64Asm.Verifier.Tests.Payloads;

/// <summary>Issue 14, real payloads: a built Image, initrd and DTB relocated by the sample and by a regs-dtb routine.</summary>
public class PayloadTests(ITestOutputHelper output)
{
    private static KexecPayload Payload(ulong flags, bool initrd = true, bool dtb = true) =>
        KexecPayload.Load(TestPayloads.Image(flags), "Image", dtb ? TestPayloads.Dtb() : null, "board.dtb",
            initrd ? TestPayloads.Initrd() : null, "initrd.img");

    private VerifyReport Sample(string blob, int pageSize, KexecPayload payload)
    {
        var report = Vectors.Verify(blob, new VerifyOptions { PageSize = pageSize, Seed = 3, Payload = payload });
        output.WriteLine(report.ToText());
        return report;
    }

    [Theory]
    [InlineData("sample-4k", 4096, 53, "0x802b1000", "0x802b6000")]
    [InlineData("sample-16k", 16384, 14, "0x802b4000", "0x802bc000")]
    [InlineData("sample-64k", 65536, 5, "0x802c0000", "0x802e0000")]
    public void Sample_relocates_a_built_Image_initrd_and_dtb_byte_for_byte(string blob, int pageSize, int pages, string initrdAt, string dtbAt)
    {
        var report = Sample(blob, pageSize, Payload(TestPayloads.PageSizeFlag(pageSize)));
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(pages, report.PagesChecked);
        Assert.Equal(pages, report.PagesCopied);
        Assert.Equal(3, report.Segments);
        Assert.Equal(new ulong[] { 0, 0, 0, 0 }, report.EntryRegisters);
        Assert.Equal($"kernel Image at 0x80280000 (text_offset 0x80000, image_size 0x30000), initrd at {initrdAt} (0x3200 bytes), dtb at {dtbAt} (0x40 bytes); "
            + "x0 not checked against the dtb: the patched-quads convention hands no DTB to the code (kexec-tools' purgatory passes it to the kernel, and purgatory is not modelled)",
            report.Payload);
    }

    [Fact]
    public void A_copy_loop_one_word_short_leaves_the_payload_pages_wrong()
    {
        var report = Sample("offbyone-4k", 4096, Payload(TestPayloads.PageSizeFlag(4096)));
        Assert.False(report.Passed);
        Assert.Contains(report.Findings, f => f.Id == FindingIds.PageMismatch);
    }

    [Fact]
    public void A_64K_page_Image_against_a_4K_control_page_is_the_page_size_finding()
    {
        var report = Sample("sample-4k", 4096, Payload(TestPayloads.PageSizeFlag(65536)));
        Assert.False(report.Passed);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingIds.ImagePageSize, finding.Id);
        Assert.Equal("image-page-size", finding.Id);
        Assert.Equal("the Image header says 64K pages (flags 0x6), the control page was built for 4K pages", finding.Summary);
        Assert.Contains("4K/64K mismatch the 2015 review raised", finding.Why);
        Assert.Equal(53, report.PagesCopied);   // the copy itself goes on in the control page's 4K pages
    }

    [Fact]
    public void An_Image_that_leaves_the_page_size_unspecified_passes()
    {
        var report = Sample("sample-4k", 4096, Payload(flags: 0));
        Assert.True(report.Passed, report.ToText());
    }

    [Fact]
    public void A_big_endian_Image_against_a_little_endian_run_is_a_finding()
    {
        var report = Sample("sample-4k", 4096, Payload(TestPayloads.PageSizeFlag(4096) | 1));
        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingIds.ImageEndianness, finding.Id);
        Assert.Equal("the Image header says a big-endian kernel (flags bit 0), the run is little-endian", finding.Summary);
    }

    [Fact]
    public void Regs_dtb_routine_hands_the_placed_dtb_to_the_kernel_in_x0()
    {
        var built = Built.From(Programs.RegsDtb());
        var report = KexecVerifier.Verify(built.ControlCode, new KexecLayout(0, 0), new VerifyOptions
        {
            Convention = KexecConvention.RegisterArguments,
            Payload = Payload(TestPayloads.PageSizeFlag(4096), initrd: false),
        });
        output.WriteLine(report.ToText());
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(new ulong[] { 0x802b1000, 0, 0, 0 }, report.EntryRegisters);
        Assert.Equal(49, report.PagesCopied);
        Assert.Equal("kernel Image at 0x80280000 (text_offset 0x80000, image_size 0x30000), dtb at 0x802b1000 (0x40 bytes)", report.Payload);
    }

    [Fact]
    public void X0_past_the_fdt_magic_is_two_findings()
    {
        var built = Built.From(Programs.RegsDtb(Programs.NewKernelX0ToX3.Replace("mov     x0, x18", "add     x0, x18, #8")));
        var report = KexecVerifier.Verify(built.ControlCode, new KexecLayout(0, 0), new VerifyOptions
        {
            Convention = KexecConvention.RegisterArguments,
            Payload = Payload(TestPayloads.PageSizeFlag(4096), initrd: false),
        });
        output.WriteLine(report.ToText());
        Assert.Equal([FindingIds.BootProtocolDtb, FindingIds.DtbMagic], report.Findings.Select(f => f.Id));
        Assert.Equal("x0=0x802b1008 at entry, but the DTB is at 0x802b1000", report.Findings[0].Summary);
        Assert.Equal("the memory at x0=0x802b1008 begins 0x00000038, not the FDT magic 0xd00dfeed", report.Findings[1].Summary);
    }

    [Fact]
    public void Bad_magic_is_the_exact_error()
    {
        var image = TestPayloads.Image(TestPayloads.PageSizeFlag(4096));
        image[59] = 0;
        var e = Assert.Throws<InvalidPayloadException>(() => KexecPayload.Load(image, "vmlinux"));
        Assert.Equal("Image: vmlinux: no arm64 Image magic \"ARM\\x64\" at offset 56 (found 41524d00): not a kernel Image (a vmlinux ELF or a compressed Image.gz is not loadable as is)", e.Message);
    }

    [Fact]
    public void Image_size_zero_says_it_is_a_kernel_before_3_17()
    {
        var e = Assert.Throws<InvalidPayloadException>(() => KexecPayload.Load(TestPayloads.Image(0, imageSize: 0), "Image-3.16"));
        Assert.Equal("Image: Image-3.16: image_size is 0, as in kernels before 3.17, whose headers do not say how much memory the kernel needs (text_offset and flags are not given either): the kimage cannot be placed", e.Message);
    }

    [Fact]
    public void A_short_file_and_a_text_offset_off_the_page_are_errors()
    {
        var e = Assert.Throws<InvalidPayloadException>(() => KexecPayload.Load(new byte[63], "Image"));
        Assert.Equal("Image: Image: 63 bytes, shorter than the 64-byte arm64 Image header", e.Message);
        var payload = KexecPayload.Load(TestPayloads.Image(0, textOffset: 0x81000), "Image");
        e = Assert.Throws<InvalidPayloadException>(() => Vectors.Verify("sample-64k", new VerifyOptions { PageSize = 65536, Payload = payload }));
        Assert.Equal("Image: text_offset 0x81000 is not a multiple of the 64K page size: the kernel cannot start at a page of the kimage", e.Message);
    }

    [Fact]
    public void A_dtb_without_the_fdt_magic_is_refused()
    {
        var dtb = TestPayloads.Dtb();
        dtb[0] = 0;
        var e = Assert.Throws<InvalidPayloadException>(() => KexecPayload.Load(TestPayloads.Image(0), "Image", dtb, "board.dts"));
        Assert.Equal("dtb: board.dts: no FDT magic 0xd00dfeed at offset 0 (found 0x000dfeed): not a flattened device tree (a .dts must be compiled with dtc first)", e.Message);
    }
}
