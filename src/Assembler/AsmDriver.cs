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
        long start = options.Timings?.Start() ?? 0;
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
        // Streaming keeps no statements and suits almost every file; a size that depends on a later label
        // needs layout passes over kept statements, so then the input is assembled again that way.
        var buffered = new BufferedDiagnostics();
        try
        {
            var obj = Run(lines, options, buffered, streaming: true);
            buffered.ReplayTo(diagnostics, options);
            return obj;
        }
        catch (NeedsLayoutPassesException)
        {
            buffered = new BufferedDiagnostics();
            try
            {
                return Run(lines, options, buffered, streaming: false);
            }
            finally
            {
                buffered.ReplayTo(diagnostics, options);
            }
        }
        catch (AsmError)
        {
            buffered.ReplayTo(diagnostics, options);
            throw;
        }
    }

    private static ObjectFile Run(IEnumerable<SourceLine> lines, AssemblerOptions options, BufferedDiagnostics diagnostics, bool streaming)
    {
        var assembler = new ObjectAssembler(diagnostics, streaming) { Listing = options.Listing, Memoize = options.MemoizeStatements, EncodeDirectly = options.EncodeDirectly, BigEndian = options.BigEndian,
            MaxSectionSize = options.MaxSectionSize };
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
        macroOptions.Print = diagnostics.Print;
        if (options.Timings is { } times)
            return RunTimed(new MacroExpander(lines, new AssemblerMacroHost(assembler), macroOptions, diagnostics), assembler, times);
        if (ParallelParsing)
            return ParallelFrontEnd.Run(lines, assembler, macroOptions, diagnostics);
        var expander = new MacroExpander(lines, new AssemblerMacroHost(assembler), macroOptions, diagnostics);
        // Lazily: each statement is laid out before the next is expanded, so .if sees the symbols defined so far.
        foreach (var line in expander.Expand())
            assembler.AddLine(line);
        return assembler.Finish();
    }

    private static ObjectFile RunTimed(MacroExpander expander, ObjectAssembler assembler, StageTimes times)
    {
        var parsed = new List<ParsedLine>();
        using var lines = expander.Expand().GetEnumerator();
        while (true)
        {
            long start = times.Start();
            bool more = lines.MoveNext();
            times.Add(StageTimes.Stage.Macros, start);
            if (!more) break;
            start = times.Start();
            if (assembler.TryAddMemoized(lines.Current))
            {
                times.Add(StageTimes.Stage.Memoized, start);
                continue;
            }
            parsed.Clear();
            assembler.Parse(lines.Current, parsed);
            times.Add(StageTimes.Stage.Parse, start);
            start = times.Start();
            foreach (var line in parsed)
                assembler.AddParsed(line);
            times.Add(StageTimes.Stage.LayoutEncode, start);
        }
        times.MemoizedLines = assembler.MemoizedLines;
        times.TokenEncodedLines = assembler.TokenEncodedLines;
        long finish = times.Start();
        var obj = assembler.Finish();
        times.Add(StageTimes.Stage.Finish, finish);
        return obj;
    }

    /// <summary>Expand and parse on a second core while this one lays out and encodes: the default where there are
    /// two cores or more (A64ASM_THREADS=1 turns it off; --timings measures the one-thread loop). On the 1M-line
    /// workload (2-core machine, Native AOT) it took 1.9 s against 2.2 s on one thread, once per-line allocation
    /// and the statement memo had made each line cheap enough for the hand-off to pay.</summary>
    public static bool ParallelParsing { get; set; } =
        Environment.ProcessorCount > 1 && Environment.GetEnvironmentVariable("A64ASM_THREADS") != "1";

    /// <summary>Holds warnings until the run is known to stand (a streaming run may be redone with layout passes).</summary>
    /// <summary>Warnings and .print output of one attempt, given out only once it is known to be the last: a restart
    /// with layout passes runs the same directives again.</summary>
    private sealed class BufferedDiagnostics : IDiagnosticSink
    {
        private readonly List<(SourceLocation? At, string Message)> _warnings = new();
        private readonly List<string> _prints = new();

        public void Print(string text)
        {
            lock (_prints) _prints.Add(text);
        }

        // Both threads of the parallel front end report here.
        public void Warning(SourceLocation? location, string message)
        {
            lock (_warnings) _warnings.Add((location, message));
        }

        public void ReplayTo(IDiagnosticSink sink, AssemblerOptions options)
        {
            var print = options.Print ?? Console.Out.WriteLine;
            lock (_prints)
            {
                foreach (var text in _prints) print(text);
                _prints.Clear();
            }
            lock (_warnings)
            {
                foreach (var (at, message) in _warnings) sink.Warning(at, message);
                _warnings.Clear();
            }
        }
    }

    private static PreprocessorOptions PreprocessorOptionsFrom(AssemblerOptions options)
    {
        var pp = new PreprocessorOptions { ReadFile = options.ReadFile };
        pp.IncludeDirs.AddRange(options.IncludeDirs);
        pp.SystemIncludeDirs.AddRange(options.SystemIncludeDirs);
        pp.ForcedIncludes.AddRange(options.ForcedIncludes);
        pp.BigEndian = options.BigEndian;
        pp.Defines.AddRange(options.Defines);
        pp.Undefines.AddRange(options.Undefines);
        return pp;
    }
}
