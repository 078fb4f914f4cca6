using System.Text;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Preprocessing;

internal sealed partial class PreprocessorSession
{
    /// <summary>Bounds the work a file can cause by including other files repeatedly (depth alone does not).</summary>
    public const int MaxIncludes = 100_000;

    /// <summary>Bounds the text all #includes together may bring in (one file may be included many times).</summary>
    public const long MaxTotalChars = 1L << 30;

    const string IncludeSyntax = "#include expects \"FILENAME\" or <FILENAME>";

    readonly HashSet<string> onceFiles = new(StringComparer.Ordinal);
    int includeCount;
    long totalChars;

    bool Include(SourceFileCursor file, List<PpToken> tokens, PpToken end, bool next)
    {
        var (path, angled, at) = IncludeOperand(tokens, end);
        if (++includeCount > MaxIncludes)
            throw Error(tokens[1], $"too many #include directives (limit {MaxIncludes})");
        if (file.IncludeLevel + 1 > options.MaxIncludeDepth)
            throw Error(tokens[1], $"#include nested too deeply (limit {options.MaxIncludeDepth})");

        var (found, text, dirIndex) = Find(file, path, angled, next, at);
        if (onceFiles.Contains(found))
            return false;
        if (text.Length > options.MaxFileChars)
            throw Error(at, TooLarge(found, text.Length));
        totalChars += text.Length;
        if (totalChars > MaxTotalChars)
            throw Error(at, $"included files are too large in total (limit {MaxTotalChars} characters)");
        var includeAt = file.Locate(tokens[0].Line, tokens[0].Column);
        var frame = new ExpansionFrame(ExpansionKind.IncludedFrom, found, includeAt.Pos, includeAt.Context);
        files.Push(new SourceFileCursor(new SourceText(found, text), frame, file.IncludeLevel + 1)
        {
            ConditionalBase = conditionals.Depth,
            FoundInDir = dirIndex,
        });
        return true;
    }

    /// <summary>
    /// "x" looks next to the including file first, then in the -I directories; &lt;x&gt; only in the -I directories.
    /// #include_next continues after the directory the current file came from.
    /// </summary>
    public bool HasInclude(string path, bool angled, bool next) =>
        path.Length > 0 && TryFind(Current, path, angled, next, default) is not null;

    (string Path, string Text, int DirIndex) Find(SourceFileCursor file, string path, bool angled, bool next, PpToken at) =>
        TryFind(file, path, angled, next, at) ?? throw Error(at, $"'{path}' file not found");

    (string Path, string Text, int DirIndex)? TryFind(SourceFileCursor file, string path, bool angled, bool next, PpToken at)
    {
        bool absolute = Path.IsPathRooted(path);
        int firstDir = next && file.FoundInDir >= 0 ? file.FoundInDir + 1 : 0;
        if (absolute || (!angled && !next))
        {
            string candidate = absolute ? path : file.Directory + path;
            if (Read(candidate, at) is { } text)
                return (candidate, text, -1);
        }
        if (!absolute)
            for (int i = firstDir; i < SearchDirCount; i++)
            {
                string candidate = Join(SearchDir(i), path);
                if (Read(candidate, at) is { } text)
                    return (candidate, text, i);
            }
        return null;
    }

    // The -I directories, then the -isystem ones, as one chain (#include_next continues along it).
    int SearchDirCount => options.IncludeDirs.Count + options.SystemIncludeDirs.Count;

    string SearchDir(int i) =>
        i < options.IncludeDirs.Count ? options.IncludeDirs[i] : options.SystemIncludeDirs[i - options.IncludeDirs.Count];

    /// <summary>
    /// -include FILE, as gcc: each is read as if "#include "FILE"" stood before the main file's first line, searched
    /// from the working directory and then along the -I and -isystem chain. Pushed last-first so the first runs first.
    /// </summary>
    void PushForcedIncludes()
    {
        var commandLine = new SourceFileCursor(new SourceText("<command-line>", ""), null, 0);
        for (int i = options.ForcedIncludes.Count - 1; i >= 0; i--)
        {
            string path = options.ForcedIncludes[i];
            var at = new PpToken(PpTokenKind.Other, "", 1, 1, "");
            files.Push(commandLine); // an unreadable candidate is then reported against <command-line>
            var found = TryFind(commandLine, path, angled: false, next: false, at);
            files.Pop();
            if (found is not { } f)
                throw new AsmError(null, $"-include {path}: '{path}' file not found");
            if (f.Text.Length > options.MaxFileChars)
                throw new AsmError(null, TooLarge(f.Path, f.Text.Length));
            totalChars += f.Text.Length;
            var frame = new ExpansionFrame(ExpansionKind.IncludedFrom, f.Path, new SourcePos(commandLine.Text, 1, 1), null);
            files.Push(new SourceFileCursor(new SourceText(f.Path, f.Text), frame, 1) { FoundInDir = f.DirIndex });
        }
    }
    string? Read(string path, PpToken at)
    {
        try
        {
            return options.ReadFile(path);
        }
        catch (SourceFileRefused e)
        {
            throw Error(at, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The exception text may hold absolute host paths; keep only the path the user wrote.
            throw Error(at, $"cannot read '{path}'");
        }
    }

    static string Join(string dir, string path) =>
        dir.Length == 0 ? path : dir.EndsWith('/') || dir.EndsWith('\\') ? dir + path : dir + "/" + path;

    /// <summary>The file name of #include: "x", &lt;x&gt;, or macros that expand to one of those.</summary>
    (string Path, bool Angled, PpToken At) IncludeOperand(List<PpToken> tokens, PpToken end)
    {
        if (tokens.Count < 3)
            throw Error(end, IncludeSyntax);
        var operand = tokens.GetRange(2, tokens.Count - 2);
        if (operand[0].Kind != PpTokenKind.StringLiteral && !operand[0].Is("<"))
        {
            var expander = new MacroExpander(macros, this, new ExpansionBudget(options.MaxExpansionTokens), crossLines: false, inIfDirective: false);
            expander.Push(operand);
            operand = expander.ExpandAll();
            if (operand.Count == 0)
                throw Error(end, IncludeSyntax);
        }
        var first = operand[0];
        string path;
        int used;
        bool angled = first.Is("<");
        if (first.Kind == PpTokenKind.StringLiteral)
        {
            path = first.Text[1..^1];
            used = 1;
        }
        else if (angled)
        {
            var sb = new StringBuilder();
            used = 1;
            while (used < operand.Count && !operand[used].Is(">"))
            {
                sb.Append(used == 1 ? "" : operand[used].Ws).Append(operand[used].Text);
                used++;
            }
            if (used == operand.Count)
                throw Error(first, "missing terminating > character");
            used++;
            path = sb.ToString();
        }
        else
            throw Error(first, IncludeSyntax);
        if (path.Length == 0)
            throw Error(first, "empty filename in #include");
        if (used < operand.Count)
            Warn(operand[used], $"extra tokens at end of #{tokens[1].Text} directive");
        return (path, angled, first);
    }

    void DefinePredefinedMacros()
    {
        // What gcc -dM -E -x assembler-with-cpp defines that kernel headers test (byte order: uapi byteorder.h).
        string order = options.BigEndian ? "__ORDER_BIG_ENDIAN__" : "__ORDER_LITTLE_ENDIAN__";
        var predefined = new List<(string, string)>
        {
            ("__ASSEMBLER__", "1"), ("__ASSEMBLY__", "1"), ("__aarch64__", "1"),
            (options.BigEndian ? "__AARCH64EB__" : "__AARCH64EL__", "1"),
            ("__LP64__", "1"), ("_LP64", "1"), ("__CHAR_BIT__", "8"),
            ("__ORDER_LITTLE_ENDIAN__", "1234"), ("__ORDER_BIG_ENDIAN__", "4321"), ("__ORDER_PDP_ENDIAN__", "3412"),
            ("__BYTE_ORDER__", order), ("__FLOAT_WORD_ORDER__", order),
        };
        if (options.BigEndian)
            predefined.Add(("__ARM_BIG_ENDIAN", "1"));
        predefined.AddRange(TargetMacros.For(options.Arch, options.Pic));
        foreach (var (name, value) in predefined)
            macros.Define(new MacroDefinition(name, false, [], false, PpLexer.TokenizeFragment(value, 1, 1).ToArray(), null));
        foreach (var (name, kind) in new[]
                 {
                     ("__FILE__", BuiltinMacro.File), ("__LINE__", BuiltinMacro.Line), ("__BASE_FILE__", BuiltinMacro.BaseFile),
                     ("__COUNTER__", BuiltinMacro.Counter), ("__INCLUDE_LEVEL__", BuiltinMacro.IncludeLevel),
                     ("__has_include", BuiltinMacro.HasInclude), ("__has_include_next", BuiltinMacro.HasIncludeNext),
                 })
            macros.Define(new MacroDefinition(name, false, [], false, [], null, kind));
    }

    /// <summary>-D and -U, read as "#define NAME VALUE" lines of a file called &lt;command-line&gt;, as gcc names it.</summary>
    void ApplyCommandLineMacros()
    {
        foreach (var (name, value) in options.Defines)
        {
            string line = name + " " + (value ?? "1");
            files.Push(new SourceFileCursor(new SourceText("<command-line>", line), null, 0));
            var tokens = PpLexer.TokenizeFragment(line, 1, 1);
            var end = tokens.Count > 0 ? EndOf(tokens[^1]) : new PpToken(PpTokenKind.Other, "", 1, 1, "");
            Define(DefineParser.Parse(tokens, 0, end, null, this), tokens[0]);
            files.Pop();
        }
        foreach (var name in options.Undefines)
        {
            files.Push(new SourceFileCursor(new SourceText("<command-line>", name), null, 0));
            var tokens = PpLexer.TokenizeFragment(name, 1, 1);
            var end = new PpToken(PpTokenKind.Other, "", 1, 1, "");
            Undefine(DefineParser.CheckMacroName(tokens, 0, end, "#undef", this));
            files.Pop();
        }
    }
}
