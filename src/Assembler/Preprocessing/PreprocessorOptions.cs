namespace A64Asm.Assembler.Preprocessing;

public sealed class PreprocessorOptions
{
    /// <summary>-I: searched by #include "x" after the including file's directory, and by #include &lt;x&gt;.</summary>
    public List<string> IncludeDirs { get; } = new();

    /// <summary>-isystem: searched after <see cref="IncludeDirs"/> by both forms of #include, as gcc.</summary>
    public List<string> SystemIncludeDirs { get; } = new();

    /// <summary>-include FILE: each read as if by #include "FILE" before the main file's first line; looked for in
    /// the working directory first, then along the #include "..." chain.</summary>
    public List<string> ForcedIncludes { get; } = new();

    /// <summary>-EB: __AARCH64EB__, __ARM_BIG_ENDIAN and big-endian __BYTE_ORDER__ instead of the little-endian ones.</summary>
    public bool BigEndian { get; set; }

    /// <summary>-march= (null: gcc's default, armv8-a): the __ARM_ARCH and __ARM_FEATURE_* macros (<see cref="TargetMacros"/>).</summary>
    public string? Arch { get; set; }

    /// <summary>The last of -fpic/-fPIC/-fpie/-fPIE/-fno-...: __PIC__, __pic__, __PIE__, __pie__ (null: none).</summary>
    public string? Pic { get; set; }

    /// <summary>-D options in command-line order; a null value means "1", as with cpp.</summary>
    public List<KeyValuePair<string, string?>> Defines { get; } = new();

    /// <summary>-U options; applied after all <see cref="Defines"/>.</summary>
    public List<string> Undefines { get; } = new();

    /// <summary>Returns the file's text or null when it does not exist. Replaceable so tests need no files.</summary>
    public Func<string, string?> ReadFile { get; set; } = A64Asm.Assembler.Diagnostics.SourceFiles.Read;

    public int MaxIncludeDepth { get; set; } = 200;

    /// <summary>Largest file (in characters) that #include or the main file may bring in.</summary>
    public int MaxFileChars { get; set; } = 64 * 1024 * 1024;

    /// <summary>Tokens the macro expansions of one line may create in all; stops exponential macros.</summary>
    public int MaxExpansionTokens { get; set; } = 250_000;
}
