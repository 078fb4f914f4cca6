using A64Asm.Assembler.Diagnostics;
using System.CommandLine;
using A64Asm.Cli.Output;
using A64Asm.Verifier.Kexec;

namespace A64Asm.Cli.Commands;

/// <summary><c>a64asm verify reloc.bin --offsets o.json</c>: run a linked control-page image against a kimage.</summary>
public sealed class VerifyCommand
{
    readonly Argument<string> image = new("image") { Description = "Flat control-page image (a64asm -o reloc.bin)" };
    readonly Option<string> offsets = new("--offsets") { HelpName = "FILE", Description = "The offsets file a64asm --offsets wrote (.json or .h); without it, --convention says how and the whole image is the control code" };
    readonly Option<string> kernel = new("--kernel") { HelpName = "Image", Description = "Relocate this arm64 kernel Image (its header read and checked) instead of generated pages, placed as kexec-tools does" };
    readonly Option<string> dtb = new("--dtb") { HelpName = "FILE.dtb", Description = "With --kernel: the flattened device tree, placed after the kernel; x0 must point at it at the branch" };
    readonly Option<string> initrd = new("--initrd") { HelpName = "FILE", Description = "With --kernel: the initrd, placed after the kernel" };
    readonly VerifyOptionSet verify = new();

    public Command Build(Func<Func<int>, int> guard, TextWriter stdout)
    {
        var command = new Command("verify", "Execute the image in the A64 emulator against a generated kimage and check what kexec depends on") { image, offsets, kernel, dtb, initrd };
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
            var payload = ReadPayload(parse.GetValue(kernel), parse.GetValue(dtb), parse.GetValue(initrd));
            var kexec = offsetsPath is null ? null : VerifyRunner.ReadOffsets(offsetsPath);
            return VerifyRunner.Run(SourceFiles.ReadInput(path, SourceFiles.MaxFileBytes), kexec, offsetsPath ?? path, settings, stdout, payload);
        }));
        return command;
    }

    /// <summary>The --kernel, --dtb and --initrd files read and checked, or null without --kernel.</summary>
    static KexecPayload? ReadPayload(string? kernelPath, string? dtbPath, string? initrdPath)
    {
        if (kernelPath is null)
        {
            if (dtbPath is not null || initrdPath is not null)
                throw new UsageError($"verify: {(dtbPath is not null ? "--dtb" : "--initrd")} needs --kernel Image");
            return null;
        }
        try
        {
            return KexecPayload.Load(Read("--kernel", kernelPath), kernelPath,
                dtbPath is null ? null : Read("--dtb", dtbPath), dtbPath ?? "",
                initrdPath is null ? null : Read("--initrd", initrdPath), initrdPath ?? "");
        }
        catch (InvalidPayloadException e)
        {
            throw new CliError(e.Message);
        }
    }

    static byte[] Read(string option, string path)
    {
        if (!File.Exists(path))
            throw new CliError($"{option}: {path}: No such file or directory");
        return SourceFiles.ReadInput(path, VerifyOptions.MostKimageBytes);
    }
}
