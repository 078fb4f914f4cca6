using A64Asm.Assembler.Parsing;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// What encoding one statement read besides its text: '.', the value of a defined symbol, a name found undefined, a
/// register alias in force, a warning given, a fixup or deferred work, the architecture feature its row needs. The
/// statement memo decides from this record alone whether the word may be reused for the same text elsewhere.
/// </summary>
internal sealed class StatementDependencies
{
    /// <summary>A reused word is checked against at most this many names that must still be undefined.</summary>
    public const int MaxUndefinedNames = 2;

    private readonly List<string> _undefinedNames = new();

    public bool UsesDot { get; private set; }
    public bool ReadsDefinedSymbol { get; private set; }
    public bool Warned { get; private set; }
    public bool AliasesInForce { get; private set; }
    public bool NeedsFeature { get; private set; }
    public bool LeavesWork { get; private set; }

    /// <summary>Names looked up and not defined at the statement: the word holds only while they stay so.</summary>
    public IReadOnlyList<string> UndefinedNames => _undefinedNames;

    public void Start(bool aliasesInForce)
    {
        _undefinedNames.Clear();
        UsesDot = ReadsDefinedSymbol = Warned = NeedsFeature = LeavesWork = false;
        AliasesInForce = aliasesInForce;
    }

    public void ReadDot() => UsesDot = true;

    public void LookedUp(string name, bool defined)
    {
        if (defined) ReadsDefinedSymbol = true;
        else _undefinedNames.Add(name);
    }

    public void Warning() => Warned = true;

    /// <param name="feature">Whether the encoded row needs an architecture feature (a later .arch may take it away).</param>
    /// <param name="leavesWork">Whether it left a fixup or work for the end, or wrote other than one word.</param>
    public void Encoded(bool feature, bool leavesWork) => (NeedsFeature, LeavesWork) = (feature, leavesWork);

    /// <summary>Whether the word follows from the text and the undefined names alone. A local label's name means a
    /// different label on another line, so a statement that names one never qualifies.</summary>
    public bool TextAlone =>
        !UsesDot && !ReadsDefinedSymbol && !Warned && !AliasesInForce && !NeedsFeature && !LeavesWork
        && _undefinedNames.Count <= MaxUndefinedNames && !_undefinedNames.Exists(LocalLabelNames.IsLocalLabelName);
}
