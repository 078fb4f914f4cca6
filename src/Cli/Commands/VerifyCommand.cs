using A64Asm.Assembler.Diagnostics;
using System.CommandLine;
using A64Asm.Cli.Output;

namespace A64Asm.Cli.Commands;

/// <summary><c>a64asm verify reloc.bin --offsets o.json</c>: run a linked control-page image against a kimage.</summary>
public sealed class VerifyCommand
{
    readonly Argument<string> image = new("image") { Description = "Flat control-page image (a64asm -o reloc.bin)" };
    readonly Option<string> offsets = new("--offsets") { HelpName = "FILE", Description = "The offsets file a64asm --offsets wrote (.json or .h); without it, --convention says how and the whole image is the control code" };
    readonly VerifyOptionSet verify = new();

    public Command Build(Func<Func<int>, int> guard, TextWriter stdout)
    {
        var command = new Command("verify", "Execute the image in the A64 emulator against a generated kimage and check what kexec depends on") { image, offsets };
        foreach (var o in verify.All)
            command.Add(o);
        command.SetAction(parse => guard(() =>
        {
            // Options first: a bad value or a missing --offsets is reported before any file is read.
            var settings = verify.Validate(parse, null);
            string path = parse.GetValue(image)!;
            string? offsetsPath = parse.GetValue(offsets);
            if (offsetsPath is null && settings.Convention is null)
                throw new UsageError("verify: missing --offsets FILE (what a64asm --offsets wrote) or --convention NAME");
            if (!File.Exists(path))
                throw new CliError($"{path}: No such file or directory");
            var kexec = offsetsPath is null ? null : VerifyRunner.ReadOffsets(offsetsPath);
            return VerifyRunner.Run(SourceFiles.ReadInput(path, SourceFiles.MaxFileBytes), kexec, offsetsPath ?? path, settings, stdout);
        }));
        return command;
    }
}
