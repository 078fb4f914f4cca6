using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Preprocessing;

/// <summary>
/// The C preprocessor for .S files (what gcc -E -x assembler-with-cpp does), built in so no external cpp is needed.
/// Where it knowingly differs from GNU cpp's assembler mode: an unknown directive (#foo) is dropped, where gcc passes
/// it on as text that gas then reads as a comment; "# 12 \"file\"" line markers and _Pragma("...") are dropped (gcc
/// passes the markers on as text, which gas reads as comments), but the markers point diagnostics at the file and
/// line they name; a merge-conflict line (&lt;&lt;&lt;&lt;&lt;&lt;&lt; / ======= / &gt;&gt;&gt;&gt;&gt;&gt;&gt;) is an error; #line renumbers as in cpp;
/// the predefined macros are those of an AArch64 assembly build with gcc 12 (__ASSEMBLER__, __ASSEMBLY__, __aarch64__,
/// __AARCH64EL__ or __AARCH64EB__ and __ARM_BIG_ENDIAN, __BYTE_ORDER__, __FLOAT_WORD_ORDER__, __ORDER_*_ENDIAN__,
/// __LP64__, _LP64, __CHAR_BIT__, the target and system ones of <see cref="TargetMacros"/>, and the built-ins
/// __FILE__, __LINE__, __BASE_FILE__, __COUNTER__, __INCLUDE_LEVEL__, __has_include, __has_include_next); gcc's
/// C-language ones (__INT_MAX__, __FLT_*, __ATOMIC_*, ...) are not.
/// </summary>
public static class Preprocessor
{
    /// <param name="path">The path as the user gave it; diagnostics and #include resolution use it unchanged.</param>
    /// <exception cref="AsmError">For any error, with its location and include chain.</exception>
    public static IReadOnlyList<SourceLine> Run(string path, PreprocessorOptions options, IDiagnosticSink diagnostics)
    {
        string? text;
        try
        {
            text = options.ReadFile(path);
        }
        catch (SourceFileRefused e)
        {
            throw new AsmError(null, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AsmError(null, $"cannot read '{path}'");
        }
        if (text is null)
            throw new AsmError(null, $"'{path}' file not found");
        return RunText(path, text, options, diagnostics);
    }

    public static IReadOnlyList<SourceLine> RunText(string displayPath, string text, PreprocessorOptions options, IDiagnosticSink diagnostics) =>
        new PreprocessorSession(options, diagnostics).Run(displayPath, text);
}
