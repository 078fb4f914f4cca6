using A64Asm.Assembler.Parsing;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// What encoding one statement read besides its text: '.', the value of a defined symbol, a name found undefined, a
/// register alias in force, a warning given, a fixup or deferred work, the architecture feature its row needs (kept
/// with the word, which is reused only where the selection allows it). The
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
    /// <summary>The feature of the encoded row (Base: none); the word is reused only where the selection allows it.</summary>
    public Isa.Feature Feature { get; private set; }
    // Whether Feature alone decides (not a system register that needs two).
    private bool _featureDecides;
    public bool LeavesWork { get; private set; }

    /// <summary>Names looked up and not defined at the statement: the word holds only while they stay so.</summary>
    public IReadOnlyList<string> UndefinedNames => _undefinedNames;

    public void Start(bool aliasesInForce)
    {
        _undefinedNames.Clear();
        UsesDot = ReadsDefinedSymbol = Warned = LeavesWork = false;
        Feature = Isa.Feature.Base;
        _featureDecides = true;
        AliasesInForce = aliasesInForce;
    }

    public void ReadDot() => UsesDot = true;

    public void LookedUp(string name, bool defined)
    {
        if (defined) ReadsDefinedSymbol = true;
        else _undefinedNames.Add(name);
    }

    public void Warning() => Warned = true;

    /// <param name="feature">The architecture feature the encoded row needs (a later .arch may take it away).</param>
    /// <param name="featureDecides">Whether a selection with that feature allows the word.</param>
    /// <param name="leavesWork">Whether it left a fixup or work for the end, or wrote other than one word.</param>
    public void Encoded(Isa.Feature feature, bool featureDecides, bool leavesWork) =>
        (Feature, _featureDecides, LeavesWork) = (feature, featureDecides, leavesWork);

    /// <summary>Whether the word follows from the text and the undefined names alone. A local label's name means a
    /// different label on another line, so a statement that names one never qualifies.</summary>
    public bool TextAlone =>
        !UsesDot && !ReadsDefinedSymbol && !Warned && !AliasesInForce && _featureDecides && !LeavesWork
        && _undefinedNames.Count <= MaxUndefinedNames && !_undefinedNames.Exists(LocalLabelNames.IsLocalLabelName);
}
