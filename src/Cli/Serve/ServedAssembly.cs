using A64Asm.Assembler;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Layout;
using A64Asm.Cli.Output;
using A64Asm.Linker;
using A64Asm.Linker.Kexec;

namespace A64Asm.Cli.Serve;

/// <summary>
/// One source assembled and linked for the server as <c>a64asm FILE.S -I samples/include -o x.bin</c> does it (the same
/// AsmDriver, ElfObjectWriter, Linker and KexecOffsets calls), with the bundled headers as its only include files.
/// </summary>
public sealed class ServedAssembly
{
    public required string Name { get; init; }
    public ObjectFile? Object { get; private set; }
    public SourceLineTable Lines { get; } = new();
    public IReadOnlyList<AsmError> Errors { get; private set; } = [];
    public List<string> Warnings { get; } = [];
    /// <summary>What .print, .warning and #warning said, in order.</summary>
    public List<string> Printed { get; } = [];
    public LinkedImage? Linked { get; private set; }
    public KexecOffsets? Kexec { get; private set; }
    /// <summary>Why the link failed (an undefined symbol, say), when it did.</summary>
    public string? LinkError { get; private set; }

    public static ServedAssembly Run(string name, string text)
    {
        var run = new ServedAssembly { Name = name };
        var options = new AssemblerOptions { Features = Isa.ArchFeatures.All, ReadFile = BundledFiles.Reader(name, text), Listing = run.Lines, Print = run.Printed.Add };
        options.IncludeDirs.Add(BundledFiles.SampleIncludeDir);
        var diagnostics = new CollectingDiagnostics();
        try
        {
            run.Object = AsmDriver.AssembleText(name, text, options, diagnostics);
        }
        catch (AsmError e)
        {
            run.Errors = e.Each().ToList();
        }
        run.Warnings.AddRange(diagnostics.Warnings);
        if (run.Object is { } obj)
            run.Link(obj);
        return run;
    }

    void Link(ObjectFile obj)
    {
        try
        {
            UndefinedReferences.ThrowIfAny(obj);
            Linked = A64Asm.Linker.Linker.Link([new LinkerInput(Name, ElfObjectWriter.Write(obj))], new LinkerOptions());
            KexecOffsets.TryRead(Linked, out var kexec);
            Kexec = kexec;
        }
        catch (AsmError e)
        {
            // As the command line prints it: file:line:col, the line and the caret, for each undefined symbol.
            LinkError = string.Join("\n", e.Each().Select(x => DiagnosticRenderer.Render(Severity.Error, x.Location, x.Message)));
        }
        catch (Exception e) when (e is A64Asm.Linker.LinkError or CliError)
        {
            LinkError = e.Message;
        }
    }

    /// <summary>The bytes a line table range covers (none for .bss-like sections).</summary>
    public ReadOnlySpan<byte> BytesOf(SourceLineRange range)
    {
        var section = Object?.Sections.FirstOrDefault(s => s.Name == range.Section);
        if (section is null || range.Offset + range.Length > section.Data.Length)
            return [];
        return section.Data.AsSpan((int)range.Offset, (int)range.Length);
    }
}
