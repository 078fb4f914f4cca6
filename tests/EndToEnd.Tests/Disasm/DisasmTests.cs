namespace A64Asm.EndToEnd.Tests.Disasm;

/// <summary>`a64asm disasm`: objdump's layout for flat images and ELF files, compared with objdump itself.</summary>
public class DisasmTests
{
    const string SampleImage = "tests/vectors/e2e/relocate_kernel.ps12.bin";

    /// <summary>objdump's text is ours everywhere, udf included: no line is an expected difference.</summary>
    static readonly Dictionary<ulong, (string, string)> NoDifferences = new();

    [Fact]
    public void Flat_image_listing_has_objdumps_layout()
    {
        var (status, stdout, stderr) = Cli.Run("disasm", SampleImage);
        Assert.True(status == 0, stderr);
        string expectedStart =
            "\n" +
            $"{SampleImage}:     file format binary\n" +
            "\n" +
            "\n" +
            "Disassembly of section .data:\n" +
            "\n" +
            "0000000000000000 <.data>:\n" +
            "       0:\t58000752 \tldr\tx18, 0xe8\n" +
            "       4:\td53b0020 \tmrs\tx0, ctr_el0\n" +
            "       8:\td3504c00 \tubfx\tx0, x0, #16, #4\n" +
            "       c:\td2800091 \tmov\tx17, #0x4\n";
        Assert.StartsWith(expectedStart, stdout);
        Assert.Contains("      54:\t54ffffa3 \tb.cc\t0x48\n", stdout);
        Assert.Contains("      60:\ta94166b8 \tldp\tx24, x25, [x21, #16]\n", stdout);
        Assert.EndsWith(
            "      dc:\td61f0080 \tbr\tx4\n" +
            "\t...\n" +
            "    1000:\t000000f0 \tudf\t#240\n" +
            "    1004:\t00000000 \tudf\t#0\n" +
            "    1008:\t000000e0 \tudf\t#224\n" +
            "    100c:\t00000000 \tudf\t#0\n" +
            "    1010:\t000000e8 \tudf\t#232\n" +
            "    1014:\t00000000 \tudf\t#0\n", stdout);
    }

    [Fact]
    public void Base_moves_addresses_and_branch_targets()
    {
        var (status, stdout, _) = Cli.Run("disasm", "--base", "0xffff000000080000", SampleImage);
        Assert.Equal(0, status);
        Assert.Contains("\nffff000000080000 <.data>:\nffff000000080000:\t58000752 \tldr\tx18, 0xffff0000000800e8\n", stdout);
        Assert.Contains("ffff000000080054:\t54ffffa3 \tb.cc\t0xffff000000080048\n", stdout);
    }

    [OracleFact]
    public void Flat_image_text_matches_objdump()
    {
        string objdump = ObjdumpListing.Objdump("-D", "-b", "binary", "-m", "aarch64", SampleImage);
        string ours = Cli.Run("disasm", SampleImage).Stdout;
        ObjdumpListing.AssertSameText(objdump, ours, NoDifferences);
        Assert.Equal(ObjdumpListing.OtherLines(objdump), ObjdumpListing.OtherLines(ours));
    }

    [OracleFact]
    public void Object_with_symbols_and_relocations_matches_objdump_dr()
    {
        string dir = TempDir.Create();
        string source = Path.Combine(dir, "rel.s"), obj = Path.Combine(dir, "rel.o");
        File.WriteAllText(source,
            "\t.text\n\t.globl start\nstart:\n\tbl foo\n\tb bar\n\tadrp x0, data_sym\n\tadd x0, x0, :lo12:data_sym\n" +
            "\tldr x1, [x0, :lo12:data_sym]\n\tb.ne start\n\tcbz x0, 1f\n\tnop\n1:\tret\nlocal_fn:\n\t.inst 0x00000000\n" +
            "\ttbz x3, #40, local_fn\n\t.quad data_sym+16\n\t.word 0x12345678\n\t.data\ndata_sym: .quad 0\n");
        Gnu.Check("as", source, "-o", obj);
        string objdump = ObjdumpListing.Objdump("-dr", obj);
        var (status, ours, stderr) = Cli.Run("disasm", obj);
        Assert.True(status == 0, stderr);
        // objdump's "file format" header names the path it was given; ours too.
        ObjdumpListing.AssertSameText(objdump, ours, NoDifferences);
        Assert.Equal(ObjdumpListing.OtherLines(objdump), ObjdumpListing.OtherLines(ours));
        Assert.Contains("   0:\t94000000 \tbl\t0 <foo>\n\t\t\t0: R_AARCH64_CALL26\tfoo\n", ours);
        Assert.Contains("  34:\t12345678 \t.word\t0x12345678\n", ours);
    }

    [OracleFact]
    public void Our_mapping_symbols_make_data_lines_as_objdumps()
    {
        string dir = TempDir.Create();
        string source = Path.Combine(dir, "map.s"), obj = Path.Combine(dir, "map.o");
        File.WriteAllText(source, "nop\n.quad 0x1122334455667788\n.byte 1\nnop\nldr x0, =0x99\n");
        var built = Cli.Run("-c", source, "-o", obj);
        Assert.True(built.Status == 0, built.Stderr);
        string objdump = ObjdumpListing.Objdump("-d", obj);
        string ours = Cli.Run("disasm", obj).Stdout;
        Assert.Equal(objdump, ours);
        Assert.Contains("   c:\t01          \t.byte\t0x01\n   d:\t00          \t.byte\t0x00\n   e:\t0000      \t.short\t0x0000\n", ours);
        Assert.Contains("  18:\t00000099 \t.word\t0x00000099\n", ours);
    }

    [OracleFact]
    public void Our_own_object_of_the_sample_matches_objdump_dr()
    {
        string obj = Path.Combine(TempDir.Create(), "rk.o");
        var built = Cli.Run("-c", "samples/relocate_kernel.S", "-I", "samples/include", "-o", obj);
        Assert.True(built.Status == 0, built.Stderr);
        string objdump = ObjdumpListing.Objdump("-dr", obj);
        string ours = Cli.Run("disasm", obj).Stdout;
        ObjdumpListing.AssertSameText(objdump, ours, NoDifferences);
        Assert.Equal(ObjdumpListing.OtherLines(objdump), ObjdumpListing.OtherLines(ours));
        Assert.Contains("\n0000000000001008 <arm64_kexec_kimage_start_offset>:\n", ours);
        Assert.Contains("      54:\t54ffffa3 \tb.cc\t48 <arm64_relocate_new_kernel+0x48>\n", ours);
    }

    [OracleFact]
    public void Linked_executable_at_a_kernel_address_matches_objdump_d()
    {
        string dir = TempDir.Create();
        string obj = Path.Combine(dir, "rk.o"), elf = Path.Combine(dir, "rk.elf");
        var built = Cli.Run("-c", "samples/relocate_kernel.S", "-I", "samples/include", "-o", obj);
        Assert.True(built.Status == 0, built.Stderr);
        Gnu.Check("ld", "-Ttext=0xffff000010080000", "-e", "0", obj, "-o", elf);
        string objdump = ObjdumpListing.Objdump("-d", elf);
        string ours = Cli.Run("disasm", elf).Stdout;
        ObjdumpListing.AssertSameText(objdump, ours, NoDifferences);
        Assert.Equal(ObjdumpListing.OtherLines(objdump), ObjdumpListing.OtherLines(ours));
        Assert.Contains("ffff000010080054:\t54ffffa3 \tb.cc\tffff000010080048 <arm64_relocate_new_kernel+0x48>\n", ours);
    }

    [OracleFact]
    public void Base_is_refused_for_an_ELF_file()
    {
        string dir = TempDir.Create();
        string source = Path.Combine(dir, "n.s"), obj = Path.Combine(dir, "n.o");
        File.WriteAllText(source, "nop\n");
        Gnu.Check("as", source, "-o", obj);
        var (status, _, stderr) = Cli.Run("disasm", "--base", "0x1000", obj);
        Assert.Equal(1, status);
        Assert.Equal("a64asm: error: --base applies to flat binaries; an ELF file has its own addresses\n", stderr);
    }

    [Fact]
    public void Missing_file_is_an_error_without_a_stack_trace()
    {
        var (status, stdout, stderr) = Cli.Run("disasm", "no/such.bin");
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal("a64asm: error: no/such.bin: No such file or directory\n", stderr);
    }

    [Fact]
    public void A_file_with_the_ELF_magic_but_no_ELF_inside_is_an_error()
    {
        string bad = Path.Combine(TempDir.Create(), "bad.o");
        File.WriteAllBytes(bad, [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1]);
        var (status, stdout, stderr) = Cli.Run("disasm", bad);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal($"a64asm: error: {bad}: file truncated (7 bytes, shorter than the 64-byte ELF64 header)\n", stderr);
    }

    /// <summary>Fuzz seed 7000, input 466755: an ELF32 header whose e_shoff points into its own header made ELFSharp
    /// loop for minutes. The identification bytes are now checked before ELFSharp reads anything.</summary>
    [Fact]
    public void An_ELF32_file_is_refused_before_it_is_read()
    {
        string bad = Path.Combine(TempDir.Create(), "bad.o");
        byte[] header = new byte[0x90];
        new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 1, 1, 1 }.CopyTo(header, 0);
        header[0x10] = 1; header[0x12] = 0xb7; header[0x14] = 1;   // ET_REL, EM_AARCH64, EV_CURRENT
        header[0x20] = 0x2c; header[0x28] = 0xf8; header[0x29] = 0x01; header[0x2b] = 0xe1;   // e_shoff, e_ehsize, e_phentsize
        File.WriteAllBytes(bad, header);
        var (status, stdout, stderr) = Cli.Run("disasm", bad);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal($"a64asm: error: {bad}: ELFCLASS32 file: a64asm disassembles ELF64 AArch64 files (elf64-littleaarch64, elf64-bigaarch64)\n", stderr);
    }

    [Theory]
    [InlineData(18, 62, "file for machine EM_X86_64 (62), not AArch64 (EM_AARCH64, 183)")]
    [InlineData(5, 3, "unknown ELF data encoding 3")]
    public void A_foreign_ELF64_header_is_refused_by_name(int offset, byte value, string problem)
    {
        string dir = TempDir.Create(), source = Path.Combine(dir, "n.s"), obj = Path.Combine(dir, "n.o");
        File.WriteAllText(source, "nop\n");
        Assert.Equal(0, Cli.Run("-c", source, "-o", obj).Status);
        byte[] bytes = File.ReadAllBytes(obj);
        bytes[offset] = value;
        File.WriteAllBytes(obj, bytes);
        var (status, stdout, stderr) = Cli.Run("disasm", obj);
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal($"a64asm: error: {obj}: {problem}\n", stderr.Replace("\r", ""));
    }

    [Fact]
    public void Misaligned_base_is_an_error()
    {
        var (status, _, stderr) = Cli.Run("disasm", "--base", "0x2", SampleImage);
        Assert.Equal(1, status);
        Assert.Equal("a64asm: error: --base: '0x2' is not a word-aligned address\nTry 'a64asm disasm --help'\n", stderr);
    }

    [Fact]
    public void The_root_command_still_assembles_beside_the_subcommands()
    {
        string output = Path.Combine(TempDir.Create(), "r.bin");
        var (status, _, stderr) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", output);
        Assert.True(status == 0, stderr);
        Assert.Equal(File.ReadAllBytes(Repo.Path(SampleImage)), File.ReadAllBytes(output));
    }
}
