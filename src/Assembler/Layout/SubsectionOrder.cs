using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// Subsections here are laid out in the order they are filled, where GNU as puts them in the order of their numbers;
/// this keeps the two the same or refuses the input. A subsection counts as used once it holds bytes or a label,
/// or, outside code, when a nonzero one is entered for the first time (GNU as then starts a new fragment list for
/// it, which in a data section carries a $d). Filling a subsection after a higher-numbered one of its section was used is refused,
/// and so is leaving literals of one subsection pending while another of the section is filled (GNU keeps a pool per
/// subsection and places each at the end of its own). Mapping symbols: see MappingSymbols.NewDataSubsection and
/// CheckCodeSubsections (a code subsection that begins without its own symbol may not be followed by another).
/// </summary>
public sealed class SubsectionOrder
{
    /// <summary>What a layout pass over the tail starts from.</summary>
    public sealed record State(Dictionary<AsmSection, long> HighestUsed, HashSet<(AsmSection, long)> Entered,
        Dictionary<AsmSection, long> PoolSubsection, long EnteredAt, SourceLocation? EnteredBy, bool LabelSeen);

    private Dictionary<AsmSection, long> _highestUsed = new(ReferenceEqualityComparer.Instance);
    private HashSet<(AsmSection, long)> _entered = new();
    private Dictionary<AsmSection, long> _poolSubsection = new(ReferenceEqualityComparer.Instance);
    private long _enteredAt;
    private SourceLocation? _enteredBy;
    private bool _labelSeen;

    /// <summary>Called the first time a nonzero subsection is entered (the mapping symbols' $d in data sections).</summary>
    public Action<AsmSection>? NewSubsection { get; set; }

    /// <summary>A label was defined in the current subsection.</summary>
    public void NoteLabel() => _labelSeen = true;

    /// <summary>From one subsection to another: the one left is checked, the one entered noted. The state is moved on
    /// before a check can fail, so one misplaced subsection is reported once.</summary>
    public void Switch(AsmSection left, long leftSubsection, AsmSection entered, long subsection, SourceLocation? at)
    {
        bool filled = left.Location != _enteredAt || _labelSeen;
        var leftBy = _enteredBy;
        _enteredAt = entered.Location;
        _enteredBy = at;
        _labelSeen = false;
        if (!left.IsAbsolute && !left.OpenPool.IsEmpty)
            _poolSubsection[left] = leftSubsection;
        if (filled && !left.IsAbsolute)
            Use(left, leftSubsection, leftBy);
        if (entered.IsAbsolute) return;
        if (!entered.OpenPool.IsEmpty && _poolSubsection.TryGetValue(entered, out long poolSub) && poolSub != subsection)
            throw new AsmError(at, $"literals of subsection {poolSub} of {entered.Name} are still pending: " +
                                   "use .ltorg before another subsection of the section is filled");
        if (subsection != 0 && _entered.Add((entered, subsection)))
        {
            // In code, GNU's new fragment list marks nothing, so an empty subsection is no content.
            if (!entered.IsCode)
                Use(entered, subsection, at);
            NewSubsection?.Invoke(entered);
        }
    }

    /// <summary>At the end of the input: the subsection being filled is checked like one that is left.</summary>
    public void Finish(AsmSection current, long subsection)
    {
        if (!current.IsAbsolute && (current.Location != _enteredAt || _labelSeen))
            Use(current, subsection, _enteredBy);
    }

    private void Use(AsmSection section, long subsection, SourceLocation? at)
    {
        if (_highestUsed.TryGetValue(section, out long highest) && subsection < highest)
            throw new AsmError(at, $"subsection {subsection} of {section.Name} is filled after subsection {highest}: " +
                                   "a64asm lays subsections out in the order they are filled and cannot put it before");
        _highestUsed[section] = _highestUsed.ContainsKey(section) ? Math.Max(highest, subsection) : subsection;
    }

    public State Save() => new(new(_highestUsed, ReferenceEqualityComparer.Instance), new(_entered),
        new(_poolSubsection, ReferenceEqualityComparer.Instance), _enteredAt, _enteredBy, _labelSeen);

    public void Restore(State saved)
    {
        _highestUsed = new(saved.HighestUsed, ReferenceEqualityComparer.Instance);
        _entered = new(saved.Entered);
        _poolSubsection = new(saved.PoolSubsection, ReferenceEqualityComparer.Instance);
        (_enteredAt, _enteredBy, _labelSeen) = (saved.EnteredAt, saved.EnteredBy, saved.LabelSeen);
    }
}
