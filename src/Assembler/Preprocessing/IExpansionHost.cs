using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Preprocessing;

/// <summary>What the macro expander needs from the file being preprocessed.</summary>
internal interface IExpansionHost
{
    /// <summary>
    /// Appends the tokens of the next text line (running any directives on the way) for a macro call that
    /// continues past its line; false at the end of the current file.
    /// </summary>
    bool ReadMoreTokens(List<PpToken> into);

    /// <summary>The token a built-in macro (__LINE__, __FILE__, ...) stands for at <paramref name="at"/>.</summary>
    PpToken Builtin(BuiltinMacro kind, PpToken at);

    AsmError Error(PpToken at, string message);

    /// <summary>Whether #include (or #include_next) of this name would find a file.</summary>
    bool HasInclude(string path, bool angled, bool next);
}

/// <summary>Caps the tokens one output line's expansion may create, so exponential macros fail instead of hanging.</summary>
internal sealed class ExpansionBudget
{
    readonly int maxTokens;
    int spent;

    public ExpansionBudget(int maxTokens) => this.maxTokens = maxTokens;

    public void Reset() => spent = 0;

    public void Spend(int tokens, PpToken at, string macro, IExpansionHost host)
    {
        spent += tokens;
        if (spent > maxTokens)
            throw host.Error(at, $"expansion of macro \"{macro}\" is too large (limit {maxTokens} tokens)");
    }
}
