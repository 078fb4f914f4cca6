namespace A64Asm.Assembler;

/// <summary>What the command line (-I, -D, -U, --defsym, gcc's -include/-isystem/-EB/-march=...) tells the assembler.</summary>
public sealed class AssemblerOptions
{
    /// <summary>-I: searched by #include and .include, in order.</summary>
    public List<string> IncludeDirs { get; } = new();

    /// <summary>-isystem: searched by #include after <see cref="IncludeDirs"/> (the preprocessor only, as gcc).</summary>
    public List<string> SystemIncludeDirs { get; } = new();

    /// <summary>-Wa,-I,DIR: gas's own -I, searched by .include only, after <see cref="IncludeDirs"/>.</summary>
    public List<string> AssemblerIncludeDirs { get; } = new();

    /// <summary>-include FILE: read, in order, before the first line of a preprocessed source (as gcc -include).</summary>
    public List<string> ForcedIncludes { get; } = new();

    /// <summary>gcc's -march= and -mcpu= as given (names checked by the CLI). gcc passes gas its -march=, then,
    /// for -mcpu=, the -march= of its own core table (GccCpus; a core only gas knows is read as gas reads it), so the
    /// core wins. Null: GNU's default, armv8-a.</summary>
    public string? Arch { get; set; }
    public string? Cpu { get; set; }

    /// <summary>-Wa,-march= and -Wa,-mcpu=: gas's own. They come after what gcc passes, and gas prefers -mcpu=
    /// (read in its own core table, GnuCpus) to any -march=.</summary>
    public string? AsArch { get; set; }
    public string? AsCpu { get; set; }

    /// <summary>The -march= value gas ends up with: what the encoder accepts (an instruction outside it is an error
    /// in gas's words).</summary>
    public string? SelectedArch =>
        AsCpu is not null ? Isa.GnuCpus.MarchFor(AsCpu) : AsArch ?? CpuArch ?? Arch;

    /// <summary>The -march= whose __ARM_* macros the preprocessor predefines: gcc's -march= wins over its -mcpu=
    /// there (gcc warns when the two differ); -Wa, options do not reach the preprocessor.</summary>
    public string? CppArch => Arch ?? (Cpu is null ? null : Isa.GccCpus.MacroMarchFor(Cpu));

    string? CpuArch => Cpu is null ? null : Isa.GccCpus.MarchFor(Cpu) ?? Isa.GnuCpus.MarchFor(Cpu);

    /// <summary>The selection itself, over <see cref="Arch"/> and <see cref="Cpu"/>: <see cref="Isa.ArchFeatures.All"/>
    /// takes every row of the table, which no -march names (GNU's -march=all lacks the EL3 registers its default has).
    /// The serve page for learners and the tests that assemble every vector use it.</summary>
    public Isa.ArchFeatures? Features { get; set; }

    /// <summary>What the encoder starts from: <see cref="Features"/>, else the selected architecture's.</summary>
    public Isa.ArchFeatures StartingFeatures => Features ?? Isa.ArchFeatures.FromGnuArch(SelectedArch);

    /// <summary>The last of gcc's -fpic/-fPIC/-fpie/-fPIE/-fno-pic/...: only the preprocessor's __PIC__ family reads it.</summary>
    public string? Pic { get; set; }

    /// <summary>-D NAME[=VALUE] for the C preprocessor (null value means 1).</summary>
    public List<KeyValuePair<string, string?>> Defines { get; } = new();

    /// <summary>-U NAME.</summary>
    public List<string> Undefines { get; } = new();

    /// <summary>--defsym NAME=VALUE: absolute assembler symbols defined before the first line.</summary>
    public List<KeyValuePair<string, long>> Defsyms { get; } = new();

    /// <summary>Reads a source or include file; null when it does not exist. Tests replace it.</summary>
    public Func<string, string?> ReadFile { get; set; } = DefaultReadFile;

    internal static readonly Func<string, string?> DefaultReadFile = Diagnostics.SourceFiles.Read;

    /// <summary>-EB: big-endian AArch64 (aarch64_be). Data, literal pools and the ELF file are big-endian; instructions
    /// stay little-endian, as the architecture fetches them.</summary>
    public bool BigEndian { get; set; }

    /// <summary>-g (2) or --gdwarf-N (2-5): a .debug_line row for each instruction's source line, and the DWARF
    /// version of the compilation unit written with it. Null: no -g (a .loc still makes a line table).</summary>
    public int? DwarfVersion { get; set; }

    /// <summary>Run the C preprocessor first: null decides by the file name (".s" no, anything else yes, as gcc).</summary>
    public bool? Preprocess { get; set; }

    /// <summary>Receives .print output (stdout by default, as gas).</summary>
    public Action<string>? Print { get; set; }

    /// <summary>-a / --listing: receives the listing once assembly succeeds (null: no listing, no cost).</summary>
    public Layout.IListingSink? Listing { get; set; }

    /// <summary>Reuse the word of a statement whose text was encoded before (see Layout.EncodedLineMemo). Output is the
    /// same either way; tests turn it off to prove that.</summary>
    public bool MemoizeStatements { get; set; } = true;

    /// <summary>Encode statements made only of registers and numbers straight from their tokens (see
    /// InstructionEncoding.DirectStatementEncoder). Output is the same either way; tests turn it off to prove that.</summary>
    public bool EncodeDirectly { get; set; } = true;

    /// <summary>2: expand and parse on a second core while this one lays out and encodes (see AssemblyPipeline); 1: all
    /// on one thread. The output is the same either way. By default 2 where there are two cores or more, unless
    /// A64ASM_THREADS=1. On the 1M-line workload (2 cores, Native AOT) two threads took 1.9 s against 2.2 s.</summary>
    public int Threads { get; set; } = DefaultThreads;

    public static int DefaultThreads =>
        Environment.ProcessorCount > 1 && Environment.GetEnvironmentVariable("A64ASM_THREADS") != "1" ? 2 : 1;

    /// <summary>--timings: receives the time of each stage (null: not measured, no clock in the line loop).</summary>
    public StageTimes? Timings { get; set; }

    /// <summary>256 MiB: far above any kernel section, low enough that a typo (.space 1&lt;&lt;40) fails at once.</summary>
    public const long DefaultMaxSectionSize = 256L << 20;

    /// <summary>--max-section-size: the most bytes one section may hold (.bss included).</summary>
    public long MaxSectionSize { get; set; } = DefaultMaxSectionSize;

    /// <summary>The macro layer's budgets (--max-expansions, --max-expansion-lines, --max-rept, --max-line-length);
    /// the defaults are <see cref="Macros.MacroOptions"/>'s.</summary>
    public long MaxMacroCalls { get; set; } = Defaults.MaxMacroCalls;

    public long MaxExpansionLines { get; set; } = Defaults.MaxExpansionLines;

    public long MaxRepeatCount { get; set; } = Defaults.MaxRepeatCount;

    public long MaxLineLength { get; set; } = Defaults.MaxLineLength;

    /// <summary>--max-errors: a run goes on after an error, as GNU as does, and stops at this many.</summary>
    public long MaxErrors { get; set; } = DefaultMaxErrors;

    public const long DefaultMaxErrors = 1000;

    private static readonly Macros.MacroOptions Defaults = new();

    /// <summary>Parses "name=value" as --defsym takes it (value: a number as gas reads it, optionally negative).</summary>
    public static KeyValuePair<string, long> ParseDefsym(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0)
            throw new Diagnostics.AsmError(null, $"bad --defsym '{text}': expected name=value");
        string name = text[..eq].Trim();
        string valueText = text[(eq + 1)..].Trim();
        bool negative = valueText.StartsWith('-');
        if (negative) valueText = valueText[1..];
        if (!Parsing.Literals.TryParseNumber(valueText, out long value))
            throw new Diagnostics.AsmError(null, $"bad --defsym '{text}': '{text[(eq + 1)..]}' is not a number");
        return new(name, negative ? -value : value);
    }
}
