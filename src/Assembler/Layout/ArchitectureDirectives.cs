using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.InstructionEncoding;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa;

namespace A64Asm.Assembler.Layout;

/// <summary>.arch, .cpu and .arch_extension: the instructions the encoder accepts from here on, as in GNU as.</summary>
internal sealed class ArchitectureDirectives(InstructionEncoder encoder)
{
    /// <summary>.arch NAME[+ext|+noext...]: from here on, the instructions of that architecture (GNU as).</summary>
    public void SelectArchitecture(ParsedLine line, DirectiveStatement d)
    {
        string value = d.RawArguments.Trim();
        string[] parts = value.Split('+');
        if (!ArchFeatures.KnownArchitectures.Contains(parts[0]))
            throw new AsmError(line.At(d.Index), $"unknown architecture `{parts[0]}'");
        CheckExtensions(line, d, parts[1..]);
        encoder.Features = ArchFeatures.FromGnuArch(value);
    }

    /// <summary>.cpu NAME[+ext|+noext...]: from here on, the instructions of that core (GNU as's cores).</summary>
    public void SelectCpu(ParsedLine line, DirectiveStatement d)
    {
        string value = d.RawArguments.Trim();
        string[] parts = value.Split('+');
        if (GnuCpus.MarchFor(parts[0]) is not { } march)
            throw new AsmError(line.At(d.Index), $"unknown cpu `{parts[0]}'");
        CheckExtensions(line, d, parts[1..]);
        encoder.Features = ArchFeatures.FromGnuArch(GnuCpus.MarchFor(value));
    }

    /// <summary>.arch_extension [no]NAME: one extension added to (or taken from) the selection.</summary>
    public void AddArchExtension(ParsedLine line, DirectiveStatement d)
    {
        string extension = d.RawArguments.Trim();
        if (extension.Length == 0)
            return; // GNU takes an empty .arch_extension and changes nothing
        CheckExtensions(line, d, [extension]);
        encoder.Features = encoder.Features.WithGnuExtension(extension);
    }

    private static void CheckExtensions(ParsedLine line, DirectiveStatement d, IReadOnlyList<string> extensions)
    {
        if (ExtensionList.Problem(extensions) is { } problem)
            throw new AsmError(line.At(d.Index), problem);
    }
}
