namespace A64Asm.EndToEnd.Tests;

/// <summary>
/// What tools/fuzz found (issue 16), each on its exact message: an ELF file cut short, and outputs a failed run
/// rewrote (an output in a missing folder or a directory, --verify failing after the image was written).
/// </summary>
public class FuzzFindingTests
{
    static string Error(string stderr) => stderr.Replace("\r", "").TrimEnd('\n');

    static (string Dir, string Source) Nop()
    {
        string dir = TempDir.Create();
        string source = Path.Combine(dir, "n.s");
        File.WriteAllText(source, "nop\n");
        return (dir, source);
    }

    [Fact]
    public void An_ELF_file_cut_inside_its_section_headers_is_malformed_by_name()
    {
        var (dir, source) = Nop();
        string obj = Path.Combine(dir, "n.o");
        Assert.Equal(0, Cli.Run("-c", source, "-o", obj).Status);
        byte[] bytes = File.ReadAllBytes(obj);
        File.WriteAllBytes(obj, bytes[..^62]);   // a64asm puts the section headers last: the last one loses its fields
        ulong shoff = BitConverter.ToUInt64(bytes, 0x28);
        int count = BitConverter.ToUInt16(bytes, 0x3c);
        var (status, stdout, stderr) = Cli.Run("disasm", obj);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal($"a64asm: error: {obj}: malformed ELF file (section header table (0x{shoff:x}, {count} entries) is not inside the {bytes.Length - 62}-byte file)", Error(stderr));
    }

    [Fact]
    public void An_ELF_file_whose_section_headers_lie_before_its_start_is_malformed_by_name()
    {
        var (dir, source) = Nop();
        string obj = Path.Combine(dir, "n.o");
        Assert.Equal(0, Cli.Run("-c", source, "-o", obj).Status);
        byte[] bytes = File.ReadAllBytes(obj);
        BitConverter.GetBytes(0x8000000000000000UL).CopyTo(bytes, 0x28);   // e_shoff: negative as a stream position
        File.WriteAllBytes(obj, bytes);
        int count = BitConverter.ToUInt16(bytes, 0x3c);
        var (status, stdout, stderr) = Cli.Run("disasm", obj);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal($"a64asm: error: {obj}: malformed ELF file (section header table (0x8000000000000000, {count} entries) is not inside the {bytes.Length}-byte file)", Error(stderr));
    }

    [Fact]
    public void An_object_without_a_section_name_table_is_a_link_error_naming_the_section()
    {
        var (dir, source) = Nop();
        string obj = Path.Combine(dir, "n.o");
        Assert.Equal(0, Cli.Run("-c", source, "-o", obj).Status);
        byte[] bytes = File.ReadAllBytes(obj);
        bytes[0x3e] = bytes[0x3f] = 0;   // e_shstrndx: no section-name string table, so no section has a name
        File.WriteAllBytes(obj, bytes);
        var (status, _, stderr) = Cli.Run("link", obj, "-o", Path.Combine(dir, "n.bin"));
        Assert.Equal(1, status);
        Assert.Equal($"a64asm: error: {obj}: section [1]: name offset outside the section-name string table", Error(stderr));
        Assert.False(File.Exists(Path.Combine(dir, "n.bin")));
    }

    /// <summary>An object of "nop" in .text and 16 bytes of .bss, with the .bss section header's sh_size replaced.</summary>
    static string ObjectWithBssSize(string dir, ulong size) => ObjectWithSectionSize(dir, ".bss", size);

    /// <summary>An object of "nop" in .text and 16 bytes of .bss, with one section header's sh_size replaced.</summary>
    static string ObjectWithSectionSize(string dir, string section, ulong size)
    {
        string source = Path.Combine(dir, "b.s"), obj = Path.Combine(dir, "b.o");
        File.WriteAllText(source, "nop\n.bss\n.space 16\n");
        Assert.Equal(0, Cli.Run("-c", source, "-o", obj).Status);
        byte[] bytes = File.ReadAllBytes(obj);
        int shoff = (int)BitConverter.ToUInt64(bytes, 0x28), count = BitConverter.ToUInt16(bytes, 0x3c), names = BitConverter.ToUInt16(bytes, 0x3e);
        int nameTable = (int)BitConverter.ToUInt64(bytes, shoff + names * 64 + 24);
        for (int i = 1; i < count; i++)
        {
            int header = shoff + i * 64;
            int name = nameTable + BitConverter.ToInt32(bytes, header);
            if (System.Text.Encoding.ASCII.GetString(bytes, name, section.Length + 1) == section + "\0")
                BitConverter.GetBytes(size).CopyTo(bytes, header + 32);   // sh_size
        }
        File.WriteAllBytes(obj, bytes);
        return obj;
    }

    [Theory]
    [InlineData("link", "malformed ELF object")]
    [InlineData("disasm", "malformed ELF file")]
    public void A_section_larger_than_its_file_is_refused_before_its_bytes_are_allocated(string command, string words)
    {
        // Campaign seed 2000 inputs 174269, 734669, 765639: a 1 KiB object whose sh_size asked the reader for 2 GiB.
        string dir = TempDir.Create();
        string obj = ObjectWithSectionSize(dir, ".text", 0x7f00002c), image = Path.Combine(dir, "b.bin");
        byte[] bytes = File.ReadAllBytes(obj);
        int shoff = (int)BitConverter.ToUInt64(bytes, 0x28);
        int index = Enumerable.Range(1, BitConverter.ToUInt16(bytes, 0x3c) - 1).First(i => BitConverter.ToUInt64(bytes, shoff + i * 64 + 32) == 0x7f00002c);
        ulong offset = BitConverter.ToUInt64(bytes, shoff + index * 64 + 24);
        string[] args = command == "link" ? ["link", obj, "-o", image] : ["disasm", obj];
        var (status, stdout, stderr) = Cli.Run(args);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal($"a64asm: error: {obj}: {words} (section [{index}] (0x7f00002c bytes at 0x{offset:x}) is not inside the {bytes.Length}-byte file)", Error(stderr));
        Assert.False(File.Exists(image));
    }

    [Fact]
    public void A_bss_of_2_to_the_63_bytes_links_without_a_buffer_for_it()
    {
        string dir = TempDir.Create();
        string obj = ObjectWithBssSize(dir, 0x8c00000000000000), image = Path.Combine(dir, "b.bin");
        var (status, _, stderr) = Cli.Run("link", obj, "-o", image);
        Assert.True(status == 0, stderr);
        Assert.Equal(new byte[] { 0x1f, 0x20, 0x03, 0xd5 }, File.ReadAllBytes(image));
    }

    [Fact]
    public void A_bss_that_wraps_around_the_address_space_is_refused_in_lds_words()
    {
        string dir = TempDir.Create();
        string obj = ObjectWithBssSize(dir, 0xffffffffffffff00), image = Path.Combine(dir, "b.bin");
        File.WriteAllText(image, "before");
        var (status, _, stderr) = Cli.Run("link", obj, "-o", image);
        Assert.Equal(1, status);
        Assert.Equal("a64asm: error: section .bss VMA wraps around address space", Error(stderr));
        Assert.Equal("before", File.ReadAllText(image));
    }

    [Fact]
    public void A_flat_image_past_1_GiB_is_refused_before_it_is_allocated()
    {
        var (dir, source) = Nop();
        File.WriteAllText(source, "nop\n.data\n.byte 1\n");
        string obj = Path.Combine(dir, "n.o"), image = Path.Combine(dir, "n.bin");
        Assert.Equal(0, Cli.Run("-c", source, "-o", obj).Status);
        var (status, _, stderr) = Cli.Run("link", obj, "-o", image, "--section-start=.data=0x7c000000");
        Assert.Equal(1, status);
        Assert.Equal("a64asm: error: flat image from 0x0 to 0x7c000001 is too large (0x7c000001 bytes, limit 0x40000000)", Error(stderr));
        Assert.False(File.Exists(image));
    }

    [Theory]
    [InlineData("link", "malformed ELF object")]
    [InlineData("disasm", "malformed ELF file")]
    public void Section_header_entries_of_0_bytes_are_refused_before_the_reader_loops_over_them(string command, string words)
    {
        var (dir, source) = Nop();
        string obj = Path.Combine(dir, "n.o");
        Assert.Equal(0, Cli.Run("-c", source, "-o", obj).Status);
        byte[] bytes = File.ReadAllBytes(obj);
        bytes[0x3a] = bytes[0x3b] = 0;   // e_shentsize
        File.WriteAllBytes(obj, bytes);
        string[] args = command == "link" ? ["link", obj, "-o", Path.Combine(dir, "n.bin")] : ["disasm", obj];
        var (status, _, stderr) = Cli.Run(args);
        Assert.Equal(1, status);
        Assert.Equal($"a64asm: error: {obj}: {words} (section header entries of 0 bytes, not 64)", Error(stderr));
    }

    [Fact]
    public void A_section_count_from_section_0_larger_than_the_file_is_refused()
    {
        var (dir, source) = Nop();
        string obj = Path.Combine(dir, "n.o");
        Assert.Equal(0, Cli.Run("-c", source, "-o", obj).Status);
        byte[] bytes = File.ReadAllBytes(obj);
        int shoff = (int)BitConverter.ToUInt64(bytes, 0x28);
        bytes[0x3c] = bytes[0x3d] = 0;                                       // e_shnum 0: the count is section 0's sh_size
        BitConverter.GetBytes(0x100000000UL).CopyTo(bytes, shoff + 32);
        File.WriteAllBytes(obj, bytes);
        var (status, _, stderr) = Cli.Run("link", obj, "-o", Path.Combine(dir, "n.bin"));
        Assert.Equal(1, status);
        Assert.Equal($"a64asm: error: {obj}: malformed ELF object (section header table (0x{shoff:x}, 4294967296 entries) is not inside the {bytes.Length}-byte file)", Error(stderr));
    }

    // The other output cases of the fuzz run (a listing or offsets path that cannot be written, refused verify
    // options, a link whose offsets cannot be written) are OutputAtomicityTests and CommandLineErrorTests.
    [Fact]
    public void Verify_without_the_offset_symbols_leaves_the_image_as_it_was()
    {
        var (dir, source) = Nop();
        string image = Path.Combine(dir, "n.bin");
        File.WriteAllText(image, "image before");
        var (status, _, stderr) = Cli.Run(source, "-o", image, "--verify");
        Assert.Equal(1, status);
        Assert.Equal("a64asm: error: --verify: cannot tell the hand-off convention (no arm64_kexec_* offsets, no marked control code): pass --convention", Error(stderr));
        Assert.Equal("image before", File.ReadAllText(image));
    }
}
