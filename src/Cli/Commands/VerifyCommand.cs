using System.CommandLine;
using A64Asm.Cli.Output;

namespace A64Asm.Cli.Commands;

/// <summary><c>a64asm verify reloc.bin --offsets o.json</c>: run a linked control-page image against a kimage.</summary>
public sealed class VerifyCommand
{
    readonly Argument<string> image = new("image") { Description = "Flat control-page image (a64asm -o reloc.bin)" };
    readonly Option<string> offsets = new("--offsets") { HelpName = "FILE", Description = "The offsets file a64asm --offsets wrote (.json or .h)", Required = true };
    readonly VerifyOptionSet verify = new();

    public Command Build(Func<Func<int>, int> guard, TextWriter stdout)
    {
        var command = new Command("verify", "Execute the image in the A64 emulator against a generated kimage and check what kexec depends on") { image, offsets };
        foreach (var o in verify.All)
            command.Add(o);
        command.SetAction(parse => guard(() =>
        {
            string path = parse.GetValue(image)!;
            if (!File.Exists(path))
                throw new CliError($"{path}: No such file or directory");
            var layout = VerifyRunner.ReadLayout(parse.GetValue(offsets)!);
            return VerifyRunner.Run(File.ReadAllBytes(path), layout, verify.Read(parse, null), parse.GetValue(verify.Json), stdout);
        }));
        return command;
    }
}
