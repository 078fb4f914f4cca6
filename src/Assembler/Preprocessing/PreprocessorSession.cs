using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Preprocessing;

/// <summary>
/// One run of the preprocessor: a stack of open files, the macro table and the conditional stack. Lines with no
/// directive, comment, quote or macro name go straight to the output; the rest are lexed and expanded.
/// </summary>
internal sealed partial class PreprocessorSession : IExpansionHost
{
    enum LineKind { EndOfFile, EnteredFile, Plain, Tokens }

    readonly PreprocessorOptions options;
    readonly IDiagnosticSink diagnostics;
    readonly MacroTable macros = new();
    readonly ConditionalStack conditionals = new();
    readonly List<SourceLine> output = new();
    readonly Stack<SourceFileCursor> files = new();
    readonly List<PpToken> lineTokens = new();
    readonly OutputLineBuilder builder = new();
    readonly TokenTextPool textPool = new();
    string baseFile = "";
    int plainLineIndex;
    int counter;
    string plainText = "";
    MacroExpander? lineExpander;
    ExpansionBudget? lineBudget;

    public PreprocessorSession(PreprocessorOptions options, IDiagnosticSink diagnostics)
    {
        this.options = options;
        this.diagnostics = diagnostics;
    }

    /// <summary>
    /// The file whose line is being expanded or, between lines, the file being read. While a macro call reads
    /// ahead, an #include may already have opened the next file; messages still belong to the call's file.
    /// </summary>
    SourceFileCursor Current => expandingFile ?? files.Peek();

    SourceFileCursor? expandingFile;

    public IReadOnlyList<SourceLine> Run(string displayPath, string text)
    {
        baseFile = displayPath;
        DefinePredefinedMacros();
        ApplyCommandLineMacros();
        if (text.Length > options.MaxFileChars)
            throw new AsmError(null, TooLarge(displayPath, text.Length));
        var main = new SourceText(displayPath, text);
        output.EnsureCapacity(main.Lines.Length);
        files.Push(new SourceFileCursor(main, null, 0));
        PushForcedIncludes();
        while (files.Count > 0)
        {
            var file = Current;
            switch (NextLine(file, allowPlain: true, lineTokens))
            {
                case LineKind.EndOfFile:
                    conditionals.CheckClosed(file.ConditionalBase, this);
                    files.Pop();
                    break;
                case LineKind.Plain:
                    output.Add(new SourceLine(plainText, file.Locate(plainLineIndex + 1, 1)));
                    break;
                case LineKind.Tokens:
                    ExpandLine(file);
                    break;
            }
        }
        return output;
    }

    /// <summary>Reads to the next line that produces text, running directives and dropping skipped lines.</summary>
    LineKind NextLine(SourceFileCursor file, bool allowPlain, List<PpToken> tokens)
    {
        while (true)
        {
            if (file.AtEnd)
                return LineKind.EndOfFile;
            string raw = file.Lines[file.NextLine];
            // Even in a skipped group: a committed conflict is never meant (gcc only sees it in C, cpp passes it on).
            if (raw.Length >= 7 && ConflictMarker.Is(raw))
                throw file.Error(file.NextLine + 1, 1, ConflictMarker.Message);
            bool skipping = conditionals.Skipping;
            var shape = PlainLineScanner.Classify(raw, skipping ? null : macros, out int textEnd);
            if (shape != LineShape.Complex)
            {
                if (skipping || shape == LineShape.Blank || (shape == LineShape.PlainThenComment && IsBlankPrefix(raw, textEnd)))
                {
                    file.NextLine++;
                    continue;
                }
                if (allowPlain)
                {
                    plainText = shape == LineShape.Plain ? raw : raw[..TrimEnd(raw, textEnd)];
                    plainLineIndex = file.NextLine++;
                    return LineKind.Plain;
                }
            }
            tokens.Clear();
            PpLexer.ReadLogicalLine(file, tokens, textPool);
            if (tokens.Count == 0)
                continue;
            if (tokens[0].Is("#"))
            {
                if (RunDirective(file, tokens))
                    return LineKind.EnteredFile;
                continue;
            }
            if (!skipping)
                return LineKind.Tokens;
        }
    }

    static int TrimEnd(string s, int end)
    {
        while (end > 0 && PpChars.IsBlank(s[end - 1])) end--;
        return end;
    }

    static bool IsBlankPrefix(string s, int end) => TrimEnd(s, end) == 0;

    void ExpandLine(SourceFileCursor file)
    {
        // One expander serves every text line: its stack is empty between lines and keeps its capacity.
        var expander = lineExpander ??= new MacroExpander(macros, this, lineBudget = new ExpansionBudget(options.MaxExpansionTokens),
                                                          crossLines: true, inIfDirective: false);
        lineBudget!.Reset();
        expandingFile = file;
        expander.Push(lineTokens);
        builder.Start(lineTokens[0].Line);
        while (expander.TryNext(out var t))
        {
            if (t.Has(PpTokenFlags.LineStart) && t.Line != builder.Line)
            {
                Flush(file);
                builder.Start(t.Line);
            }
            builder.Add(t);
        }
        Flush(file);
        expandingFile = null;
    }

    void Flush(SourceFileCursor file)
    {
        if (builder.Finish(file) is { } line)
            output.Add(line);
    }

    public bool ReadMoreTokens(List<PpToken> into)
    {
        var file = Current;
        if (!ReferenceEquals(file, files.Peek()) || NextLine(file, allowPlain: false, into) != LineKind.Tokens)
            return false;
        into[0] = into[0].WithFlags(into[0].Flags | PpTokenFlags.LineStart);
        return true;
    }

    public PpToken Builtin(BuiltinMacro kind, PpToken at)
    {
        string text;
        var tokenKind = PpTokenKind.Number;
        switch (kind)
        {
            case BuiltinMacro.File:
                (text, tokenKind) = (Quote(Current.Presumed(at.Line).File), PpTokenKind.StringLiteral);
                break;
            case BuiltinMacro.BaseFile:
                (text, tokenKind) = (Quote(baseFile), PpTokenKind.StringLiteral);
                break;
            case BuiltinMacro.Line:
                text = Current.Presumed(at.Line).Line.ToString();
                break;
            case BuiltinMacro.Counter:
                text = (counter++).ToString();
                break;
            default:
                text = Current.IncludeLevel.ToString();
                break;
        }
        return new PpToken(tokenKind, text, at.Line, at.Column, at.Ws, null, PpTokenFlags.FromMacro);
    }

    static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public AsmError Error(PpToken at, string message) => Current.Error(at.Line, at.Column, message);

    void Warn(PpToken at, string message) => diagnostics.Warning(Current.Locate(at.Line, at.Column), message);

    string TooLarge(string path, int chars) =>
        $"'{path}' is too large ({chars} characters, limit {options.MaxFileChars})";
}
