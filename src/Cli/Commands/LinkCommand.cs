using A64Asm.Assembler.Diagnostics;
using System.CommandLine;
using A64Asm.Cli.Output;
using A64Asm.Linker;
using A64Asm.Linker.Kexec;
using A64Asm.Linker.Output;
using A64Asm.Linker.Script;

namespace A64Asm.Cli.Commands;

/// <summary>
/// <c>a64asm link a.o b.o -o out.bin</c>: GNU ld followed by objcopy -O binary, for AArch64 ELF relocatable objects
/// from a64asm, GNU as or llvm-mc (little- or big-endian). Placement flags are ld's (-Ttext=, -Tdata=, -Tbss=,
/// --section-start NAME=ADDR; App takes them out of argv); the output is the flat image, or with --format elf an
/// ELF executable. The kexec report is printed, and written with --offsets, whenever the image has its symbols.
/// </summary>
public sealed class LinkCommand(LinkerOptions placement)
{
    readonly Argument<string[]> inputs = new("objects") { Description = "ELF64 AArch64 relocatable objects", Arity = ArgumentArity.OneOrMore };
    readonly Option<string?> output = new("-o", "--output") { HelpName = "FILE", Description = "Output file (default a.out, as ld)" };
    readonly Option<string?> format = new("--format") { HelpName = "binary|elf", Description = "binary: the flat image, as objcopy -O binary (default); elf: an ELF executable" };
    readonly Option<string[]> only = new("-j", "--only-section") { HelpName = "NAME", Description = "Write only this section's linked bytes, as objcopy -O binary -j NAME (repeatable)" };
    readonly Option<string?> entry = new("-e", "--entry") { HelpName = "SYMBOL", Description = "Entry point of the ELF output (default _start, else the start of .text)" };
    readonly Option<string?> offsets = new("--offsets") { HelpName = "FILE", Description = "Write the kexec offsets to FILE (.json or .h)" };
    readonly Option<string[]> defsym = new("--defsym") { HelpName = "NAME=EXPRESSION", Description = "Define NAME as an absolute symbol, as ld --defsym (repeatable)" };
    readonly Option<string?> map = new("-Map", "--Map") { HelpName = "FILE", Description = "Write a link map to FILE, in ld's layout" };
    readonly Option<string?> script = new("-T", "--script") { HelpName = "FILE", Description = "Lay the link out by a linker script (SECTIONS, ALIGN, KEEP, /DISCARD/, assignments)" };
    readonly Option<bool> gcSections = new("--gc-sections") { Description = "Drop sections nothing reachable from the entry symbol refers to, as ld --gc-sections" };
    readonly Option<bool> controlPage = new("--control-page") { Description = "Write only the bytes machine_kexec copies into the control page (refused past KEXEC_CONTROL_PAGE_SIZE, 4096)" };

    /// <param name="guard">Runs the action, turning user errors into a message and status 1 (App.Guard).</param>
    public Command Build(Func<Func<int>, int> guard, TextWriter stdout)
    {
        var command = new Command("link", "Link AArch64 ELF objects into a flat image (ld -Ttext=ADDR + objcopy -O binary), or an ELF executable")
        {
            inputs, output, format, only, entry, offsets, defsym, map, script, controlPage, gcSections,
        };
        command.SetAction(parse => guard(() =>
        {
            try
            {
                return Run(parse, stdout);
            }
            catch (ScriptError e)
            {
                // A script's or --defsym's mistake is shown at its line and column, as the assembler shows a source's.
                parse.InvocationConfiguration.Error.WriteLine(e.Render());
                return 1;
            }
            catch (LinkError e) when (e.Messages.Count > 1)
            {
                // Each problem (every undefined reference, every extra definition) is a line of its own.
                foreach (var message in e.Messages)
                    parse.InvocationConfiguration.Error.WriteLine($"a64asm: error: {message}");
                return 1;
            }
        }));
        return command;
    }

    int Run(ParseResult parse, TextWriter stdout)
    {
        bool elf = parse.GetValue(format) switch
        {
            null or "binary" => false,
            "elf" => true,
            var other => OptionValues.OneOf("--format", other, "binary", "elf") == "elf",
        };
        string[] sections = parse.GetValue(only) ?? [];
        if (elf && sections.Length > 0)
            throw new UsageError("-j applies to the flat image; --format elf writes every section");
        bool pageOnly = parse.GetValue(controlPage);
        if (elf && pageOnly)
            throw new UsageError("--control-page writes the control code's bytes; --format elf writes an executable");
        string[] paths = parse.GetValue(inputs)!;
        using var outputs = new PendingOutputs();
        foreach (var path in paths)
            outputs.Input(path);
        string outPath = parse.GetValue(output) ?? "a.out";
        int outHandle = outputs.Declare("-o", outPath);
        string? offsetsPath = parse.GetValue(offsets);
        int? offsetsHandle = offsetsPath is null ? null : outputs.Declare("--offsets", offsetsPath);
        string? mapPath = parse.GetValue(map);
        int? mapHandle = mapPath is null ? null : outputs.Declare("-Map", mapPath);
        foreach (var text in parse.GetValue(defsym) ?? [])
            placement.Defsyms.Add(Defsym.Parse(text));
        if (parse.GetValue(script) is { } scriptPath)
        {
            outputs.Input(scriptPath);
            if (!File.Exists(scriptPath))
                throw new CliError($"{scriptPath}: No such file or directory");
            // Read as inputs are read: a regular file of bounded size, not /dev/zero or a FIFO.
            string text = System.Text.Encoding.UTF8.GetString(SourceFiles.ReadInput(scriptPath, SourceFiles.MaxFileBytes));
            placement.Script = LinkerScript.Parse(scriptPath, text);
        }

        var objects = new List<LinkerInput>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
                throw new CliError($"{path}: No such file or directory");
            objects.Add(new LinkerInput(path, SourceFiles.ReadInput(path, SourceFiles.MaxFileBytes)));
        }

        placement.GcSections = parse.GetValue(gcSections);
        placement.Entry = parse.GetValue(entry);
        var linked = A64Asm.Linker.Linker.Link(objects, placement);
        var image = sections.Length > 0 ? SectionSelection.Only(linked, sections) : linked;
        if (pageOnly)
            image = ControlPage.Cut(linked, image);
        string? entrySymbol = parse.GetValue(entry) ?? placement.Script?.Entry;
        if (entrySymbol is not null && !linked.Symbols.ContainsKey(entrySymbol))
            throw new CliError($"-e {entrySymbol}: no such symbol in the link");
        byte[] bytes = elf ? ElfExecutableWriter.Write(linked, entrySymbol) : image.Flat;
        KexecOffsets.TryRead(linked, image, out var kexec);
        if (offsetsHandle is { } oh)
        {
            if (kexec.IsEmpty)
                throw new CliError("--offsets: the image defines none of the arm64_kexec_* / arm64_relocate_new_kernel_size symbols");
            outputs.SetText(oh, KexecOffsetsWriter.Format(kexec, offsetsPath!));
        }
        if (mapHandle is { } mh)
            outputs.SetText(mh, LinkMapWriter.Write(linked.Map!, outPath));
        outputs.Set(outHandle, bytes);
        // Everything that can fail has run: only now are outputs written.
        outputs.Commit();
        if (!kexec.IsEmpty)
            OffsetsTable.Print(kexec, outPath, image, stdout);
        return 0;
    }
}
