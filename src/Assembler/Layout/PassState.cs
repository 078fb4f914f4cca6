namespace A64Asm.Assembler.Layout;

/// <summary>
/// Where a run is: streaming (each statement laid out and emitted as it arrives) until the tail begins, then layout
/// passes over the tail. Shared by the parts whose behaviour depends on it: a definition repeated in a later pass is
/// not a redefinition, a forward reference in the first pass is not yet an error.
/// </summary>
internal sealed class PassState
{
    /// <summary>1 while streaming and in the tail's first run; each pass over the tail adds one.</summary>
    public int Pass { get; set; } = 1;

    public bool IsFirst => Pass == 1;

    /// <summary>Statements are emitted as they arrive (true until the tail begins).</summary>
    public bool Streaming { get; set; } = true;

    /// <summary>Some size of this pass is not known yet, so a position may still be short or long.</summary>
    public bool SizesUncertain { get; set; }

    /// <summary>A label was placed elsewhere than in the previous pass: another pass is needed.</summary>
    public bool LabelMoved { get; set; }

    /// <summary>Counts lookups of symbols not (yet) defined, to tell a forward reference from a plain error.</summary>
    public int UndefinedLookups { get; set; }
}
