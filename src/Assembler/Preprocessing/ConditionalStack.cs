namespace A64Asm.Assembler.Preprocessing;

/// <summary>The open #if groups. A group is skipped when it or any enclosing group is not taken.</summary>
internal sealed class ConditionalStack
{
    public const int MaxDepth = 1000;

    sealed class Group
    {
        public required string Directive;   // "if", "ifdef" or "ifndef", for "unterminated #..."
        public required PpToken OpenedAt;
        public required bool ParentSkipping;
        public bool AnyBranchTaken;
        public bool InElse;
        public bool Taking;
    }

    readonly List<Group> groups = new();

    public int Depth => groups.Count;

    /// <summary>True when text lines are currently dropped.</summary>
    public bool Skipping { get; private set; }

    /// <summary>Whether #elif's expression needs evaluating (a skipped or already decided group does not).</summary>
    public bool ElifNeedsEvaluation => groups.Count > 0 && !groups[^1].ParentSkipping && !groups[^1].AnyBranchTaken;

    public void Open(string directive, PpToken at, bool condition, IExpansionHost host)
    {
        if (groups.Count >= MaxDepth)
            throw host.Error(at, $"#if nested too deeply (limit {MaxDepth})");
        bool taking = !Skipping && condition;
        groups.Add(new Group { Directive = directive, OpenedAt = at, ParentSkipping = Skipping, AnyBranchTaken = taking, Taking = taking });
        Skipping = !taking;
    }

    public void Elif(PpToken at, bool condition, int fileBase, IExpansionHost host)
    {
        var g = Current(at, "#elif without #if", fileBase, host);
        if (g.InElse)
            throw host.Error(at, "#elif after #else");
        g.Taking = !g.ParentSkipping && !g.AnyBranchTaken && condition;
        g.AnyBranchTaken |= g.Taking;
        Skipping = !g.Taking;
    }

    public void Else(PpToken at, int fileBase, IExpansionHost host)
    {
        var g = Current(at, "#else without #if", fileBase, host);
        if (g.InElse)
            throw host.Error(at, "#else after #else");
        g.InElse = true;
        g.Taking = !g.ParentSkipping && !g.AnyBranchTaken;
        g.AnyBranchTaken |= g.Taking;
        Skipping = !g.Taking;
    }

    public void EndIf(PpToken at, int fileBase, IExpansionHost host)
    {
        var g = Current(at, "#endif without #if", fileBase, host);
        groups.RemoveAt(groups.Count - 1);
        Skipping = g.ParentSkipping;
    }

    /// <summary>At the end of a file every group the file opened must be closed.</summary>
    public void CheckClosed(int baseDepth, IExpansionHost host)
    {
        if (groups.Count > baseDepth)
        {
            var g = groups[baseDepth];
            throw host.Error(g.OpenedAt, $"unterminated #{g.Directive}");
        }
    }

    /// <summary>The innermost group, which must have been opened in the current file.</summary>
    Group Current(PpToken at, string message, int fileBase, IExpansionHost host) =>
        groups.Count > fileBase ? groups[^1] : throw host.Error(at, message);
}
