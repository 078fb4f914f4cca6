using A64Asm.Assembler.Diagnostics;
using System.CommandLine;
using A64Asm.Cli.Output;
using A64Asm.Linker;

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
    readonly Option<string[]> defsym = new("--defsym") { HelpName = "NAME=EXPRESSION", Description = "Define NAME as an absolute symbol, as ld --defsym (repeatable)" };
    readonly LinkOptionSet link = new();

    /// <param name="guard">Runs the action, turning user errors into a message and status 1 (App.Guard).</param>
    public Command Build(Func<Func<int>, int> guard, TextWriter stdout)
    {
        var command = new Command("link", "Link AArch64 ELF objects into a flat image (ld -Ttext=ADDR + objcopy -O binary), or an ELF executable")
        {
            inputs, output, defsym,
        };
        foreach (var o in link.All)
            command.Add(o);
        command.SetAction(parse => guard(() => LinkRequest.ReportingErrors(parse.InvocationConfiguration.Error, () => Run(parse, stdout))));
        return command;
    }

    int Run(ParseResult parse, TextWriter stdout)
    {
        var request = link.Read(parse);
        string[] paths = parse.GetValue(inputs)!;
        using var outputs = new PendingOutputs();
        foreach (var path in paths)
            outputs.Input(path);
        foreach (var text in parse.GetValue(defsym) ?? [])
            placement.Defsyms.Add(Defsym.Parse(text));
        string outPath = parse.GetValue(output) ?? "a.out";
        request.Prepare(outputs, outPath, placement);

        var objects = new List<LinkerInput>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
                throw new CliError($"{path}: No such file or directory");
            objects.Add(new LinkerInput(path, SourceFiles.ReadInput(path, SourceFiles.MaxFileBytes)));
        }

        var linked = A64Asm.Linker.Linker.Link(objects, placement);
        var (image, kexec) = request.Write(linked);
        // Everything that can fail has run: only now are outputs written.
        outputs.Commit();
        if (!kexec.IsEmpty)
            OffsetsTable.Print(kexec, outPath, image, stdout);
        return 0;
    }
}
