using A64Asm.Linker.Kexec;
using A64Asm.Linker.Output;

namespace A64Asm.Linker.Tests.Linking;

/// <summary>The control-page code found whichever way a generation marks it, and carried through the offsets file.</summary>
public class KexecControlCodeTests
{
    static LinkedImage Image(ulong baseAddress, byte[] flat, Dictionary<string, ulong> symbols, params LinkedSection[] sections) =>
        new(baseAddress, flat, symbols, sections);

    [Fact]
    public void Size_quad_gives_entry_and_length()
    {
        var flat = new byte[0x1008];
        BitConverter.GetBytes(0x1a0UL).CopyTo(flat, 0x1000);
        var image = Image(0, flat, new() { ["arm64_relocate_new_kernel"] = 0, ["arm64_relocate_new_kernel_size"] = 0x1000 });
        Assert.True(KexecControlCode.TryFind(image, out var code));
        Assert.Equal(new KexecControlCode(0, 0x1a0, ControlCodeMark.SizeQuad), code);
    }

    [Fact]
    public void Start_and_end_symbols_win_and_are_relative_to_the_file()
    {
        var image = Image(0x1000, new byte[0x200], new()
        {
            ["__relocate_new_kernel_start"] = 0x1080, ["__relocate_new_kernel_end"] = 0x1100, ["arm64_relocate_new_kernel"] = 0x1080,
        });
        Assert.True(KexecControlCode.TryFind(image, out var code));
        Assert.Equal(new KexecControlCode(0x80, 0x80, ControlCodeMark.StartEndSymbols), code);
    }

    [Fact]
    public void Kexec_section_marks_the_code_when_no_symbol_does()
    {
        var sections = new[]
        {
            new LinkedSection(".text", 0, 0xc, 4, 6, false),
            new LinkedSection(".kexec_relocate.text", 0xc, 0x14, 4, 6, false),
        };
        var full = Image(0, new byte[0x20], new() { ["arm64_relocate_new_kernel"] = 0xc }, sections);
        Assert.True(KexecControlCode.TryFind(full, out var code));
        Assert.Equal(new KexecControlCode(0xc, 0x14, ControlCodeMark.Section), code);
        var cut = SectionSelection.Only(full, [".kexec_relocate.text"]);
        Assert.True(KexecOffsets.TryRead(full, cut, out var offsets));
        Assert.Equal(new KexecControlCode(0, 0x14, ControlCodeMark.Section), offsets.ControlCode);
        Assert.Empty(offsets.Values);
    }

    [Fact]
    public void Size_past_the_image_is_an_error()
    {
        var flat = new byte[0x10];
        BitConverter.GetBytes(0x100UL).CopyTo(flat, 8);
        var image = Image(0, flat, new() { ["arm64_relocate_new_kernel"] = 0, ["arm64_relocate_new_kernel_size"] = 8 });
        var e = Assert.Throws<LinkError>(() => KexecControlCode.TryFind(image, out _));
        Assert.Equal("'arm64_relocate_new_kernel_size' says 0x100 bytes from 'arm64_relocate_new_kernel' (0x0), past the image's end 0x10", e.Message);
    }

    [Fact]
    public void Early_names_and_globals_patched_by_symbol_are_found_inside_the_code()
    {
        var flat = new byte[0x40];
        BitConverter.GetBytes(0x38UL).CopyTo(flat, 0x38);
        var image = Image(0, flat, new()
        {
            ["relocate_new_kernel"] = 0, ["relocate_new_kernel_size"] = 0x38,
            ["kexec_kimage_head"] = 0x28, ["arm64_kexec_kimage_start"] = 0x30, ["kexec_dtb_addr"] = 0x38,   // the last is past the copy
        });
        Assert.True(KexecOffsets.TryRead(image, out var offsets));
        Assert.Equal(new KexecControlCode(0, 0x38, ControlCodeMark.EarlySizeQuad), offsets.ControlCode);
        Assert.Equal([new KexecPatchSlot("kimage_head", 0x28), new KexecPatchSlot("kimage_start", 0x30)], offsets.PatchSlots);
        foreach (var path in new[] { "o.json", "o.h" })
        {
            Assert.True(KexecOffsetsReader.TryParse(KexecOffsetsWriter.Format(offsets, path), path, out var read, out string error), error);
            Assert.Equal(offsets.PatchSlots, read.PatchSlots);
            Assert.Equal(offsets.ControlCode, read.ControlCode);
        }
        Assert.Contains("#define KEXEC_PATCH_SLOT_KIMAGE_HEAD 0x28\n", KexecOffsetsWriter.Format(offsets, "o.h"));
    }

    [Fact]
    public void Nothing_marked_is_not_found()
    {
        Assert.False(KexecControlCode.TryFind(Image(0, new byte[8], new() { ["arm64_relocate_new_kernel"] = 0 }), out _));
    }

    static readonly KexecOffsets WithCode = new([]) { ControlCode = new KexecControlCode(0x40, 0x1c8, ControlCodeMark.StartEndSymbols) };

    [Fact]
    public void Json_and_header_carry_the_control_code()
    {
        Assert.Equal("""
            {
              "control_code": {
                "offset": 64,
                "size": 456,
                "marked_by": "__relocate_new_kernel_start"
              },
              "hex": {}
            }

            """.Replace("\r\n", "\n"), KexecOffsetsWriter.Format(WithCode, "o.json"));
        var header = KexecOffsetsWriter.Format(WithCode, "o.h");
        Assert.Contains("#define KEXEC_CONTROL_CODE_OFFSET 0x40\n#define KEXEC_CONTROL_CODE_SIZE 0x1c8\n#define KEXEC_CONTROL_CODE_MARKED_BY \"__relocate_new_kernel_start\"\n", header);
    }

    [Theory]
    [InlineData("o.json")]
    [InlineData("o.h")]
    public void Control_code_round_trips(string path)
    {
        Assert.True(KexecOffsetsReader.TryParse(KexecOffsetsWriter.Format(WithCode, path), path, out var read, out string error), error);
        Assert.Equal(WithCode.ControlCode, read.ControlCode);
    }
}
