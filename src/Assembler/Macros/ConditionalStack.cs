using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

/// <summary>The open .if blocks. A block is active when its enclosing block is and its current branch was chosen.</summary>
internal sealed class ConditionalStack(int maxDepth)
{
    sealed class Block(SourceLocation openedAt, bool parentActive, bool active)
    {
        public SourceLocation OpenedAt { get; } = openedAt;
        public bool ParentActive { get; } = parentActive;
        public bool Active { get; set; } = active;
        /// <summary>Some branch was chosen already, so later .elseif/.else branches are skipped.</summary>
        public bool Taken { get; set; } = active;
        public SourceLocation? ElseAt { get; set; }
    }

    readonly List<Block> blocks = new();

    public bool Active => blocks.Count == 0 || blocks[^1].Active;

    public int Depth => blocks.Count;

    public SourceLocation? Innermost => blocks.Count == 0 ? null : blocks[^1].OpenedAt;

    /// <summary>Opens a block; <paramref name="condition"/> is only evaluated when the enclosing code is active.</summary>
    public void If(SourceLocation at, Func<bool> condition)
    {
        if (blocks.Count >= maxDepth)
            throw new AsmError(at, $".if nesting exceeds the limit of {maxDepth}");
        bool parentActive = Active;
        blocks.Add(new Block(at, parentActive, parentActive && condition()));
    }

    public void ElseIf(SourceLocation at, Func<bool> condition)
    {
        var block = Top(at, ".elseif");
        if (block.ElseAt is not null)
            throw new AsmError(at, ".elseif after .else");
        bool chosen = block.ParentActive && !block.Taken && condition();
        block.Active = chosen;
        block.Taken |= chosen;
    }

    public void Else(SourceLocation at)
    {
        var block = Top(at, ".else");
        if (block.ElseAt is not null)
            throw new AsmError(at, "duplicate .else");
        block.ElseAt = at;
        block.Active = block.ParentActive && !block.Taken;
        block.Taken = true;
    }

    public void EndIf(SourceLocation at)
    {
        Top(at, ".endif");
        blocks.RemoveAt(blocks.Count - 1);
    }

    /// <summary>Drops blocks opened inside a macro left by .exitm.</summary>
    public void TruncateTo(int depth)
    {
        if (blocks.Count > depth)
            blocks.RemoveRange(depth, blocks.Count - depth);
    }

    Block Top(SourceLocation at, string directive) =>
        blocks.Count > 0 ? blocks[^1] : throw new AsmError(at, $"{directive} without .if");
}
