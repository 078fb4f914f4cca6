using System.Text;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Preprocessing;

internal sealed partial class PreprocessorSession
{
    /// <summary>Runs the directive on <paramref name="tokens"/> (tokens[0] is '#'); true when it opened a file.</summary>
    bool RunDirective(SourceFileCursor file, List<PpToken> tokens)
    {
        if (tokens.Count == 1)
            return false; // the null directive
        var name = tokens[1];
        var end = EndOf(tokens[^1]);
        int fileBase = file.ConditionalBase;
        switch (name.Text)
        {
            case "if":
                conditionals.Open("if", name, !conditionals.Skipping && Evaluate(tokens, 2, end, "if"), this);
                return false;
            case "ifdef" or "ifndef":
                bool defined = false;
                if (!conditionals.Skipping)
                {
                    var macro = DefineParser.CheckMacroName(tokens, 2, end, "#" + name.Text, this);
                    WarnExtraTokens(tokens, 3, name.Text);
                    defined = macros.IsDefined(macro.Text);
                }
                conditionals.Open(name.Text, name, defined == (name.Text == "ifdef"), this);
                return false;
            case "elif":
                conditionals.Elif(name, conditionals.ElifNeedsEvaluation && Evaluate(tokens, 2, end, "elif"), fileBase, this);
                return false;
            case "else":
                conditionals.Else(name, fileBase, this);
                if (!conditionals.Skipping) WarnExtraTokens(tokens, 2, "else");
                return false;
            case "endif":
                conditionals.EndIf(name, fileBase, this);
                if (!conditionals.Skipping) WarnExtraTokens(tokens, 2, "endif");
                return false;
        }
        if (conditionals.Skipping)
            return false;
        switch (name.Text)
        {
            case "define":
                Define(DefineParser.Parse(tokens, 2, end, file.Locate(name.Line, name.Column), this), tokens[2]);
                return false;
            case "undef":
                var undefName = DefineParser.CheckMacroName(tokens, 2, end, "#undef", this);
                WarnExtraTokens(tokens, 3, "undef");
                Undefine(undefName);
                return false;
            case "include":
                return Include(file, tokens, end, next: false);
            case "include_next":
                return Include(file, tokens, end, next: true);
            case "error":
                throw Error(name, "#error " + RestOfLine(tokens, 2));
            case "warning":
                Warn(name, "#warning " + RestOfLine(tokens, 2));
                return false;
            case "pragma":
                if (tokens.Count > 2 && tokens[2].Text == "once")
                    onceFiles.Add(file.Text.DisplayPath);
                return false;
            case "line":
                LineDirective(file, tokens, end);
                return false;
            case "ident" or "sccs" or "assert" or "unassert":
                return false; // accepted and ignored
        }
        if (name.Kind == PpTokenKind.Number)
        {
            LineMarkerDirective(file, tokens);
            return false;
        }
        // gcc's assembler-with-cpp mode passes a line it does not know as a directive through, and gas reads a line
        // that begins with '#' as a comment ("# Clear the carry flag."): the line says nothing to the assembler.
        return false;
    }

    bool Evaluate(List<PpToken> tokens, int start, PpToken end, string directive)
    {
        var expander = new MacroExpander(macros, this, new ExpansionBudget(options.MaxExpansionTokens), crossLines: false, inIfDirective: true);
        expander.Push(tokens, start);
        return IfExpressionEvaluator.Evaluate(expander.ExpandAll(), end, directive, this, Warn);
    }

    void Define(MacroDefinition macro, PpToken at)
    {
        var old = macros.Get(macro.Name);
        if (old is not null && !old.SameAs(macro))
            Warn(at, $"\"{macro.Name}\" redefined");
        macros.Define(macro);
    }

    void Undefine(PpToken name)
    {
        if (macros.Get(name.Text) is { Builtin: not BuiltinMacro.None })
            Warn(name, $"undefining \"{name.Text}\"");
        macros.Undefine(name.Text);
    }

    void WarnExtraTokens(List<PpToken> tokens, int from, string directive)
    {
        if (tokens.Count > from)
            Warn(tokens[from], $"extra tokens at end of #{directive} directive");
    }

    static PpToken EndOf(PpToken t) => t.At(t.Line, t.Column + t.Text.Length);

    /// <summary>The directive's operand text as written, comments removed (for #error and #warning).</summary>
    static string RestOfLine(List<PpToken> tokens, int from)
    {
        var sb = new StringBuilder();
        for (int i = from; i < tokens.Count; i++)
            sb.Append(i == from ? "" : tokens[i].Ws).Append(tokens[i].Text);
        return sb.ToString();
    }
}
