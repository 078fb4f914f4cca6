using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

/// <summary>
/// GNU as's macro and conditional-assembly layer: turns preprocessed lines into one statement per line, with
/// .macro/.rept/.irp/.irpc expanded, .if blocks resolved and .include files read. Lines nothing applies to are
/// handed on as the same object.
/// </summary>
public sealed partial class MacroExpander
{
    readonly IEnumerable<SourceLine> input;
    readonly IMacroHost host;
    readonly MacroOptions options;
    readonly IDiagnosticSink diagnostics;

    readonly Dictionary<string, MacroDefinition> macros = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, MacroDefinition>.AlternateLookup<ReadOnlySpan<char>> macroLookup;
    readonly ConditionalStack conditionals;
    readonly List<LineSource> sources = new();

    /// <summary>Statements of the current line not yet processed.</summary>
    readonly List<SourceLine> pending = new();
    int pendingNext;

    /// <summary>Lines a statement produced besides the one it returns (labels split off before a macro call).</summary>
    readonly List<SourceLine> extraOutput = new();

    BlockCollector? collector;
    long macrosExecuted;
    int macroDepth;
    int includeDepth;
    int expansionDepth;
    long expansionLines;
    SourceLocation? expansionRoot;
    bool ended;

    // .altmacro: alternate macro mode, until .noaltmacro; and the LOCAL labels made so far.
    bool altMacro;
    long localLabels;

    public MacroExpander(IEnumerable<SourceLine> input, IMacroHost host, MacroOptions options, IDiagnosticSink diagnostics)
    {
        this.input = input;
        this.host = host;
        this.options = options;
        this.diagnostics = diagnostics;
        macroLookup = macros.GetAlternateLookup<ReadOnlySpan<char>>();
        conditionals = new ConditionalStack(options.MaxConditionalDepth);
    }

    /// <summary>Single use: the expander keeps the state of one pass over the input.</summary>
    public IEnumerable<SourceLine> Expand()
    {
        if (sources.Count > 0 || ended)
            throw new InvalidOperationException("Expand() may only be enumerated once");
        sources.Add(new InputSource(input));
        try
        {
            while (NextStatement() is { } statement)
            {
                var passed = Process(statement);
                if (extraOutput.Count > 0)
                {
                    foreach (var line in extraOutput)
                        yield return line;
                    extraOutput.Clear();
                }
                if (passed is not null)
                    yield return passed;
            }
            if (!ended)
                CheckBalancedAtEnd();
        }
        finally
        {
            for (int i = sources.Count - 1; i >= 0; i--)
                sources[i].Close();
        }
    }

    SourceLine? NextStatement()
    {
        while (true)
        {
            if (pendingNext < pending.Count)
                return pending[pendingNext++];
            pending.Clear();
            pendingNext = 0;
            var line = NextLine();
            if (line is null)
                return null;
            if (StatementSplitter.TrySingle(line, out var single))
            {
                if (single is not null)
                    return single;
            }
            else
                StatementSplitter.Split(line, pending);
        }
    }

    SourceLine? NextLine()
    {
        while (sources.Count > 0)
        {
            var line = sources[^1].Next();
            if (line is not null)
            {
                if (expansionDepth > 0 && ++expansionLines > options.MaxExpansionLines)
                    throw new AsmError(expansionRoot, $"expansion lines exceed the limit of {options.MaxExpansionLines} (use --max-expansion-lines to raise it)");
                if (line.Text.Length > options.MaxLineLength)
                    throw new AsmError(line.Location, LineTooLong(options.MaxLineLength));
                return line;
            }
            PopSource(checkConditionals: true);
        }
        return null;
    }

    internal static string LineTooLong(long limit) =>
        $"line length exceeds the limit of {limit} characters (use --max-line-length to raise it)";

    /// <summary>Returns the statement itself when it passes through; consumed statements return null.</summary>
    SourceLine? Process(SourceLine statement)
    {
        if (collector is not null)
        {
            if (collector.Accept(statement))
            {
                var done = collector;
                collector = null;
                done.Complete();
            }
            return null;
        }
        string text = statement.Text;
        var head = StatementHead.Parse(text);
        if (!head.HasKeyword)
            return conditionals.Active ? statement : null;
        var keyword = head.Keyword(text);
        var directive = keyword[0] == '.' ? Directives.Lookup(keyword) : Directive.None;
        if (!conditionals.Active)
        {
            if (directive.IsConditional())
                Conditional(directive, statement, head);
            return null;
        }
        MacroDefinition? macro = null;
        if (directive == Directive.None &&
            (macros.Count == 0 || !macroLookup.TryGetValue(keyword, out macro) || IsAssignment(text, head.KeywordEnd)))
            return statement;
        if (head.HasLabels)
            (statement, head) = SplitOffLabels(statement, head);
        if (macro is not null)
            Call(macro, statement, head);
        else
            Run(directive, statement, head);
        return null;
    }

    /// <summary><c>x = 5</c> assigns to x even when a macro is named x (gas checks for '=' first).</summary>
    static bool IsAssignment(string text, int keywordEnd)
    {
        int i = SourceChars.SkipBlanks(text, keywordEnd);
        return i < text.Length && text[i] == '=' && !(i + 1 < text.Length && text[i + 1] == '=');
    }

    /// <summary>Emits each leading label as its own line and returns the rest of the statement.</summary>
    (SourceLine, StatementHead) SplitOffLabels(SourceLine statement, StatementHead head)
    {
        foreach (var (start, end) in StatementHead.Labels(statement.Text, head.KeywordStart))
            extraOutput.Add(LineSlicer.Slice(statement, start, end));
        var rest = LineSlicer.Slice(statement, head.KeywordStart, statement.Text.Length);
        return (rest, new StatementHead(false, 0, head.KeywordEnd - head.KeywordStart));
    }

    void PushSource(LineSource source)
    {
        if (pendingNext < pending.Count)
        {
            sources.Add(new RestOfLineSource(pending.GetRange(pendingNext, pending.Count - pendingNext)));
            pending.Clear();
            pendingNext = 0;
        }
        if (source is ExpansionSource expansion)
        {
            // The line budget is the whole run's: a file of many .rept blocks, each under a per-block budget, could
            // still ask for any number of lines.
            if (expansionDepth == 0)
                expansionRoot = expansion.CalledAt;
            expansionDepth++;
            if (expansion is MacroExpansionSource)
                macroDepth++;
        }
        else if (source is IncludedFileSource)
            includeDepth++;
        sources.Add(source);
    }

    void PopSource(bool checkConditionals)
    {
        var source = sources[^1];
        sources.RemoveAt(sources.Count - 1);
        source.Close();
        if (source is IncludedFileSource)
            includeDepth--;
        if (source is ExpansionSource expansion)
        {
            expansionDepth--;
            if (expansion is MacroExpansionSource)
                macroDepth--;
            if (checkConditionals && conditionals.Depth > expansion.ConditionalDepth)
                throw new AsmError(conditionals.Innermost, "unterminated .if");
        }
    }

    void CheckBalancedAtEnd()
    {
        if (collector is not null)
            throw new AsmError(collector.OpenedAt, collector.UnterminatedMessage);
        if (conditionals.Depth > 0)
            throw new AsmError(conditionals.Innermost, "unterminated .if");
    }
}
