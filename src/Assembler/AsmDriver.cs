using System.Diagnostics;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Layout;
using A64Asm.Assembler.Macros;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Assembler.Preprocessing;
using MacroExpander = A64Asm.Assembler.Macros.MacroExpander;

namespace A64Asm.Assembler;

/// <summary>
/// The assembler from source file to object model: C preprocessor → GNU-as macro layer → statement parser →
/// layout and encoding. The CLI writes the result with ElfObjectWriter or hands it to the linker.
/// </summary>
public static class AsmDriver
{
    /// <exception cref="AsmError">For any error in the input, with its location.</exception>
    public static ObjectFile Assemble(string path, AssemblerOptions options, IDiagnosticSink diagnostics)
    {
        if (ShouldPreprocess(path, options))
            return AssembleLines(Preprocessor.Run(path, PreprocessorOptionsFrom(options), diagnostics), options, diagnostics);
        var start = options.Timings?.Start() ?? default;
        SourceText source;
        try
        {
            // A file from disk stays UTF-8 until each line is read; a replaced reader (tests) hands over text.
            source = (ReferenceEquals(options.ReadFile, AssemblerOptions.DefaultReadFile)
                    ? SourceFiles.Open(path)
                    : options.ReadFile(path) is { } text ? new SourceText(path, text) : null)
                ?? throw new AsmError(null, $"'{path}' file not found");
        }
        catch (SourceFileRefused e)
        {
            throw new AsmError(null, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AsmError(null, $"cannot read '{path}'");
        }
        options.Timings?.Add(StageTimes.Stage.ReadLines, start);
        return AssembleLines(PlainLines(source, diagnostics), options, diagnostics);
    }

    /// <summary>As <see cref="Assemble"/>, for text that is not read from a file (tests, stdin).</summary>
    public static ObjectFile AssembleText(string displayPath, string text, AssemblerOptions options, IDiagnosticSink diagnostics)
    {
        var lines = ShouldPreprocess(displayPath, options)
            ? Preprocessor.RunText(displayPath, text, PreprocessorOptionsFrom(options), diagnostics)
            : PlainLines(new SourceText(displayPath, text), diagnostics);
        return AssembleLines(lines, options, diagnostics);
    }

    // As gcc does: .S goes through cpp, .s does not (unless the options say otherwise).
    private static bool ShouldPreprocess(string path, AssemblerOptions options) =>
        options.Preprocess ?? !path.EndsWith(".s", StringComparison.Ordinal);

    // Line markers from gcc -E renumber the lines after them, as in gas; conflict markers are errors.
    private static IEnumerable<SourceLine> PlainLines(SourceText source, IDiagnosticSink diagnostics) =>
        UnpreprocessedLines.Read(source, diagnostics);

    /// <summary>Assembles lines that are already preprocessed (the macro layer still runs).</summary>
    public static ObjectFile AssembleLines(IEnumerable<SourceLine> lines, AssemblerOptions options, IDiagnosticSink diagnostics)
    {
        // Both threads of the two-thread front end report; the sink given need not be thread-safe.
        var sink = new SynchronizedDiagnostics(diagnostics, options.Print ?? Console.Out.WriteLine);
        var assembler = new ObjectAssembler(sink) { Listing = options.Listing, Memoize = options.MemoizeStatements, EncodeDirectly = options.EncodeDirectly, BigEndian = options.BigEndian,
            Features = options.StartingFeatures, MaxSectionSize = options.MaxSectionSize,
            DwarfVersion = options.DwarfVersion };
        assembler.IncludeDirs.AddRange(options.IncludeDirs);
        assembler.IncludeDirs.AddRange(options.AssemblerIncludeDirs);
        foreach (var (name, value) in options.Defsyms)
            assembler.DefineAbsolute(name, value);
        var macroOptions = new MacroOptions
        {
            ReadFile = options.ReadFile,
            MaxMacroCalls = options.MaxMacroCalls,
            MaxExpansionLines = options.MaxExpansionLines,
            MaxRepeatCount = options.MaxRepeatCount,
            MaxLineLength = options.MaxLineLength,
        };
        macroOptions.IncludeDirs.AddRange(options.IncludeDirs);
        macroOptions.IncludeDirs.AddRange(options.AssemblerIncludeDirs);
        macroOptions.Print = sink.Print;
        return AssemblyPipeline.Run(lines, assembler, macroOptions, sink, options.Threads, options.Timings, options.MaxErrors);
    }

    /// <summary>Passes warnings and .print text on as they come, one at a time: the two-thread front end reports
    /// from both threads.</summary>
    private sealed class SynchronizedDiagnostics(IDiagnosticSink sink, Action<string> print) : IDiagnosticSink
    {
        public void Print(string text)
        {
            lock (this) print(text);
        }

        public void Warning(SourceLocation? location, string message)
        {
            lock (this) sink.Warning(location, message);
        }
    }

    private static PreprocessorOptions PreprocessorOptionsFrom(AssemblerOptions options)
    {
        var pp = new PreprocessorOptions { ReadFile = options.ReadFile };
        pp.IncludeDirs.AddRange(options.IncludeDirs);
        pp.SystemIncludeDirs.AddRange(options.SystemIncludeDirs);
        pp.ForcedIncludes.AddRange(options.ForcedIncludes);
        pp.BigEndian = options.BigEndian;
        pp.Arch = options.CppArch;
        pp.Pic = options.Pic;
        pp.Defines.AddRange(options.Defines);
        pp.Undefines.AddRange(options.Undefines);
        return pp;
    }
}
