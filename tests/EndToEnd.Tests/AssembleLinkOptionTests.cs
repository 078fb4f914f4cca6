namespace A64Asm.EndToEnd.Tests;

/// <summary>
/// Issue 13: <c>a64asm FILE.S -o x.bin</c> takes a64asm link's options with the same meaning. For each, the assembling
/// command writes what <c>a64asm -c</c> followed by <c>a64asm link</c> with the same option writes for the same source
/// (the same bytes, the same map but for the input's name, the same report), and fails with the same message, leaving
/// every file that was there as it was.
/// </summary>
public class AssembleLinkOptionTests
{
    // _start reaches helper and the control code; .text.unused is reachable from nothing (--gc-sections drops it).
    const string Source = """
        .text
        .globl _start
        _start:
            bl helper
            adr x0, msg
            ldr x1, =table
            b arm64_relocate_new_kernel
        .globl helper
        helper:
            ret
        .globl arm64_relocate_new_kernel
        arm64_relocate_new_kernel:
            mov x0, #1
            ret
        .Lend:
        .section .text.unused,"ax"
        unused:
            nop
        .section .rodata
        msg: .asciz "hi"
        .data
        .balign 8
        table: .quad _start
        .globl arm64_relocate_new_kernel_size
        arm64_relocate_new_kernel_size: .quad .Lend - arm64_relocate_new_kernel
        """;

    // KEEP holds .text.unused against --gc-sections; /DISCARD/ drops what nothing should load.
    const string Script = """
        SECTIONS
        {
            . = 0x10000;
            .text : { *(.text) KEEP(*(.text.unused)) }
            . = ALIGN(0x100);
            .rodata : { *(.rodata) }
            .data : { *(.data) }
            /DISCARD/ : { *(.comment) }
            image_end = .;
        }
        """;

    /// <summary>A folder with the source, its object (a64asm -c) and the script; the paths of the source and object.</summary>
    static (string Dir, string Source, string Object) Inputs(string source = Source)
    {
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "p.s"), obj = Path.Combine(dir, "p.o");
        File.WriteAllText(src, source);
        File.WriteAllText(Path.Combine(dir, "s.ld"), Script);
        var (status, _, stderr) = Cli.Run("-c", src, "-o", obj);
        Assert.True(status == 0, stderr);
        return (dir, src, obj);
    }

    static readonly string[] InputNames = ["p.s", "p.o", "s.ld"];

    /// <summary>Every file in <paramref name="dir"/> but the inputs, by name; each is removed, so the next run starts afresh.</summary>
    static SortedDictionary<string, byte[]> TakeOutputs(string dir)
    {
        var outputs = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(dir).Where(p => !InputNames.Contains(Path.GetFileName(p))))
        {
            outputs[Path.GetFileName(path)] = File.ReadAllBytes(path);
            File.Delete(path);
        }
        return outputs;
    }

    static string[] Args(string options, string dir) =>
        options.Length == 0 ? [] : options.Split(' ').Select(a => a.Replace("{dir}", dir)).ToArray();

    public static TheoryData<string> EachOption =>
    [
        "-Ttext=0x80000",
        "-Ttext 0x80000 -Tdata 0x90000 -Tbss 0xa0000 -Map {dir}/m.map",
        "-Map {dir}/m.map",
        "-Ttext=0x80000 --section-start=.rodata=0x81000 -Map {dir}/m.map",
        "--gc-sections",
        "--gc-sections -e helper -Map {dir}/m.map",
        "--format elf",
        "--format elf -e helper",
        "--format binary -Ttext=0x1000",
        "-j .text",
        "--only-section .text --only-section .rodata",
        "--control-page",
        "--control-page -Ttext=0x80000 --offsets {dir}/o.json",
        "--offsets {dir}/o.h",
        "-T {dir}/s.ld",
        "-T {dir}/s.ld --gc-sections -Map {dir}/m.map --format elf -e helper",
    ];

    [Theory]
    [MemberData(nameof(EachOption))]
    public void Writes_what_assembling_then_linking_writes(string options)
    {
        var (dir, source, obj) = Inputs();
        string image = Path.Combine(dir, "out.bin");
        string[] extra = Args(options, dir);

        var plain = Cli.Run("link", obj, "-o", image);
        Assert.True(plain.Status == 0, plain.Stderr);
        var withoutOption = TakeOutputs(dir);
        var link = Cli.Run(["link", obj, .. extra, "-o", image]);
        Assert.True(link.Status == 0, link.Stderr);
        var linked = TakeOutputs(dir);
        var assemble = Cli.Run([source, .. extra, "-o", image]);
        Assert.True(assemble.Status == 0, assemble.Stderr);
        var assembled = TakeOutputs(dir);

        // The option changes what is written, so that an assembling command ignoring it would fail here.
        Assert.NotEqual(Show(withoutOption), Show(linked));
        Assert.Equal("", assemble.Stderr);
        Assert.Equal(link.Stdout, assemble.Stdout);
        AssertSameFiles(linked, obj, assembled, source);
    }

    /// <summary>The same files with the same bytes, but for the name of the linked input in a map.</summary>
    static void AssertSameFiles(SortedDictionary<string, byte[]> expected, string expectedInput, SortedDictionary<string, byte[]> actual, string actualInput)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, bytes) in expected)
        {
            if (name.EndsWith(".map"))
            {
                // The map names the linked input: the object for a64asm link, the source it came from for a64asm FILE.S.
                string map = System.Text.Encoding.UTF8.GetString(bytes).Replace(expectedInput, actualInput);
                Assert.Contains($"LOAD {actualInput}\n", map);
                Assert.Equal(map, System.Text.Encoding.UTF8.GetString(actual[name]));
            }
            else
            {
                Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(actual[name]));
            }
        }
    }

    static string Show(SortedDictionary<string, byte[]> files) =>
        string.Join("\n", files.Select(f => $"{f.Key}: {Convert.ToHexString(f.Value)}"));

    static SortedDictionary<string, string> Snapshot(string dir) =>
        new(Directory.EnumerateFiles(dir).ToDictionary(p => Path.GetFileName(p), p => Convert.ToHexString(File.ReadAllBytes(p))), StringComparer.Ordinal);

    /// <summary>Control code marked by its section, <paramref name="padding"/> bytes of .skip: 8 + padding bytes in all.</summary>
    static string ControlCode(int padding) => $"""
        .text
            b .
        .section .kexec_relocate.text,"ax"
            mov x0, #1
            ret
            .skip {padding}
        """;

    public static TheoryData<string, string, string> EachFailure => new()
    {
        {
            ControlCode(5000), "--control-page -Map {dir}/m.map --offsets {dir}/o.json",
            "a64asm: error: --control-page: the control code marked by .kexec_relocate.text is 5008 bytes, "
                + "912 bytes more than KEXEC_CONTROL_PAGE_SIZE (4096)\n"
        },
        {
            ControlCode(4096 - 7), "--control-page",
            "a64asm: error: --control-page: the control code marked by .kexec_relocate.text is 4097 bytes, "
                + "1 bytes more than KEXEC_CONTROL_PAGE_SIZE (4096)\n"
        },
        {
            Source, "-T {dir}/bad.ld -Map {dir}/m.map",
            "{dir}/bad.ld:3:7: error: expected an expression, found ';'\n   . = ;\n       ^\n"
        },
        {
            Source, "-T {dir}/none.ld", "a64asm: error: {dir}/none.ld: No such file or directory\n"
        },
        {
            Source, "--format elf -e nosuch -Map {dir}/m.map", "a64asm: error: -e nosuch: no such symbol in the link\n"
        },
        {
            Source, "--format coff", "a64asm: error: --format: 'coff' is not binary or elf\nTry 'a64asm{cmd} --help'\n"
        },
        {
            Source, "--format elf -j .data", "a64asm: error: -j applies to the flat image; --format elf writes every section\nTry 'a64asm{cmd} --help'\n"
        },
        {
            Source, "--format elf --control-page",
            "a64asm: error: --control-page writes the control code's bytes; --format elf writes an executable\nTry 'a64asm{cmd} --help'\n"
        },
        {
            Source, "-Map {dir}/out.bin", "a64asm: error: -Map: '{dir}/out.bin' is also the -o output\nTry 'a64asm{cmd} --help'\n"
        },
        {
            Source, "-Map {dir}/nodir/m.map", "a64asm: error: -Map: cannot write '{dir}/nodir/m.map': No such file or directory\nTry 'a64asm{cmd} --help'\n"
        },
        {
            ".text\nnop\n", "--control-page",
            "a64asm: error: --control-page: the image marks no control code (no __relocate_new_kernel_start/__relocate_new_kernel_end, "
                + "no arm64_relocate_new_kernel with arm64_relocate_new_kernel_size, no .kexec_relocate.text section)\n"
        },
    };

    [Theory]
    [MemberData(nameof(EachFailure))]
    public void Fails_as_link_fails_and_leaves_every_file_as_it_was(string source, string options, string message)
    {
        var (dir, src, obj) = Inputs(source);
        File.WriteAllText(Path.Combine(dir, "bad.ld"), "SECTIONS {\n  .text : { *(.text) }\n  . = ;\n}\n");
        foreach (var name in new[] { "out.bin", "m.map", "o.json" })
            File.WriteAllText(Path.Combine(dir, name), $"earlier {name}\n");
        var before = Snapshot(dir);
        string[] extra = Args(options, dir);
        string image = Path.Combine(dir, "out.bin");

        var link = Cli.Run(["link", obj, .. extra, "-o", image]);
        var assemble = Cli.Run([src, .. extra, "-o", image]);

        Assert.Equal(message.Replace("{dir}", dir).Replace("{cmd}", " link"), link.Stderr.Replace("\r", ""));
        Assert.Equal(message.Replace("{dir}", dir).Replace("{cmd}", ""), assemble.Stderr.Replace("\r", ""));
        Assert.Equal((1, ""), (link.Status, link.Stdout));
        Assert.Equal((1, ""), (assemble.Status, assemble.Stdout));
        Assert.Equal(before, Snapshot(dir));
    }

    [Fact]
    public void A_big_endian_source_gives_what_its_big_endian_object_gives()
    {
        var (dir, source, _) = Inputs();
        string obj = Path.Combine(dir, "p.o"), image = Path.Combine(dir, "out.elf"), map = Path.Combine(dir, "m.map");
        Assert.Equal(0, Cli.Run("-EB", "-c", source, "-o", obj).Status);
        string[] options = ["--format", "elf", "-e", "helper", "-Ttext=0x80000", "-Map", map, "-o", image];
        var link = Cli.Run(["link", obj, .. options]);
        Assert.True(link.Status == 0, link.Stderr);
        var linked = TakeOutputs(dir);
        Assert.Contains(" elf64-bigaarch64)\n", System.Text.Encoding.UTF8.GetString(linked["m.map"]));
        var assemble = Cli.Run(["-EB", source, .. options]);
        Assert.True(assemble.Status == 0, assemble.Stderr);
        Assert.Equal(link.Stdout, assemble.Stdout);
        AssertSameFiles(linked, obj, TakeOutputs(dir), source);
    }

    [Theory]
    [InlineData("-Ttext")]
    [InlineData("-Tdata")]
    [InlineData("-Tbss")]
    public void An_address_after_a_space_is_read_as_ld_reads_it(string flag)
    {
        var (dir, source, obj) = Inputs();
        string image = Path.Combine(dir, "out.bin"), map = Path.Combine(dir, "m.map");
        var glued = Cli.Run("link", obj, $"{flag}=0x90000", "-Map", map, "-o", image);
        Assert.True(glued.Status == 0, glued.Stderr);
        var expected = TakeOutputs(dir);
        Assert.Contains($"Address of section .{flag[2..]} set to 0x90000\n", System.Text.Encoding.UTF8.GetString(expected["m.map"]));
        foreach (var (args, input) in new[] { (new[] { "link", obj }, obj), ([source], source) })
        {
            var spaced = Cli.Run([.. args, flag, "0x90000", "-Map", map, "-o", image]);
            Assert.True(spaced.Status == 0, spaced.Stderr);
            AssertSameFiles(expected, obj, TakeOutputs(dir), input);
        }
    }

    [Theory]
    [InlineData("-Map m.map", "-Map writes the link map")]
    [InlineData("-T s.ld", "-T/--script lays out the link")]
    [InlineData("--gc-sections", "--gc-sections drops sections from the link")]
    [InlineData("--control-page", "--control-page cuts the control code from the linked image")]
    [InlineData("-e helper", "-e/--entry names the linked image's entry")]
    [InlineData("--format elf", "--format chooses the linked image's format")]
    [InlineData("-j .data", "-j/--only-section selects sections of the linked image")]
    public void A_link_option_with_c_is_refused(string options, string problem)
    {
        var (dir, src, _) = Inputs();
        var before = Snapshot(dir);
        var (status, stdout, stderr) = Cli.Run(["-c", src, .. Args(options, dir), "-o", Path.Combine(dir, "p.o")]);
        Assert.Equal($"a64asm: error: {problem}; it does not apply to -c\nTry 'a64asm --help'\n", stderr.Replace("\r", ""));
        Assert.Equal((1, ""), (status, stdout));
        Assert.Equal(before, Snapshot(dir));
    }

    [Fact]
    public void Defsym_keeps_its_assembler_meaning()
    {
        // gas's --defsym defines a symbol the source can use in an expression the assembler folds; ld's could not be
        // used in .if at all.
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "d.s"), image = Path.Combine(dir, "out.bin");
        File.WriteAllText(src, ".if VALUE == 3\n.quad 0x1122334455667788\n.else\n.quad 0\n.endif\n");
        var (status, _, stderr) = Cli.Run(src, "--defsym", "VALUE=3", "-o", image);
        Assert.True(status == 0, stderr);
        Assert.Equal("8877665544332211", Convert.ToHexString(File.ReadAllBytes(image)));
    }
}
