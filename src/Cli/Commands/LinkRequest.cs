using A64Asm.Assembler.Diagnostics;
using A64Asm.Cli.Output;
using A64Asm.Linker;
using A64Asm.Linker.Kexec;
using A64Asm.Linker.Output;
using A64Asm.Linker.Script;

namespace A64Asm.Cli.Commands;

/// <summary>
/// One run's link options as read by <see cref="LinkOptionSet.Read"/>. <see cref="Prepare"/> declares the files they
/// name and reads the script before any work; <see cref="Write"/> gives every declared output its contents from the
/// link. Nothing reaches the disk here: the caller commits the <see cref="PendingOutputs"/> once the whole run has
/// succeeded, so a failing run leaves the image, the map and the offsets as they were.
/// </summary>
public sealed class LinkRequest(bool elf, string[] sections, bool controlPage, string? entry, string? offsetsPath,
    string? mapPath, string? scriptPath, bool gcSections)
{
    PendingOutputs? _outputs;
    string _outPath = "";
    int _outHandle;
    int? _offsetsHandle, _mapHandle;
    LinkerOptions? _placement;

    /// <summary>
    /// Takes the script as an input, declares -o (<paramref name="outPath"/>), --offsets and -Map, reads the script and
    /// sets the layout options on <paramref name="placement"/>. Throws as the run would on a missing or bad script.
    /// </summary>
    public void Prepare(PendingOutputs outputs, string outPath, LinkerOptions placement)
    {
        if (scriptPath is not null)
            outputs.Input(scriptPath);
        _outputs = outputs;
        _outPath = outPath;
        _outHandle = outputs.Declare("-o", outPath);
        _offsetsHandle = offsetsPath is null ? null : outputs.Declare("--offsets", offsetsPath);
        _mapHandle = mapPath is null ? null : outputs.Declare("-Map", mapPath);
        if (scriptPath is not null)
        {
            if (!File.Exists(scriptPath))
                throw new CliError($"{scriptPath}: No such file or directory");
            // Read as inputs are read: a regular file of bounded size, not /dev/zero or a FIFO.
            string text = System.Text.Encoding.UTF8.GetString(SourceFiles.ReadInput(scriptPath, SourceFiles.MaxFileBytes));
            placement.Script = LinkerScript.Parse(scriptPath, text);
        }
        placement.GcSections = gcSections;
        placement.Entry = entry;
        _placement = placement;
    }

    /// <summary>
    /// Cuts the file's bytes from <paramref name="linked"/> (-j, --control-page, --format) and sets -o, --offsets and
    /// -Map. Returns the image as written (its flat bytes, also for --format elf) and the kexec symbols it defines.
    /// </summary>
    public (LinkedImage Image, KexecOffsets Kexec) Write(LinkedImage linked)
    {
        var outputs = _outputs ?? throw new InvalidOperationException("Write before Prepare");
        var image = sections.Length > 0 ? SectionSelection.Only(linked, sections) : linked;
        if (controlPage)
            image = ControlPage.Cut(linked, image);
        string? entrySymbol = entry ?? _placement!.Script?.Entry;
        if (entrySymbol is not null && !linked.Symbols.ContainsKey(entrySymbol))
            throw new CliError($"-e {entrySymbol}: no such symbol in the link");
        byte[] bytes = elf ? ElfExecutableWriter.Write(linked, entrySymbol) : image.Flat;
        KexecOffsets.TryRead(linked, image, out var kexec);
        if (_offsetsHandle is { } oh)
        {
            if (kexec.IsEmpty)
                throw new CliError("--offsets: the image defines none of the arm64_kexec_* / arm64_relocate_new_kernel_size symbols");
            outputs.SetText(oh, KexecOffsetsWriter.Format(kexec, offsetsPath!));
        }
        if (_mapHandle is { } mh)
            outputs.SetText(mh, LinkMapWriter.Write(linked.Map!, _outPath));
        outputs.Set(_outHandle, bytes);
        if (elf)
            outputs.SetExecutable(_outHandle);
        return (image, kexec);
    }

    /// <summary>
    /// Runs a command that links, showing a script's or --defsym's mistake at its line and column (as the assembler
    /// shows a source's) and each problem of a link (every undefined reference, every extra definition) on a line of
    /// its own. Other errors are left to App's guard.
    /// </summary>
    public static int ReportingErrors(TextWriter stderr, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (ScriptError e)
        {
            stderr.WriteLine(e.Render());
            return 1;
        }
        catch (LinkError e) when (e.Messages.Count > 1)
        {
            foreach (var message in e.Messages)
                stderr.WriteLine($"a64asm: error: {message}");
            return 1;
        }
    }
}
