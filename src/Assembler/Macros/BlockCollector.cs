using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Macros;

/// <summary>
/// Gathers the body of a .macro (up to its .endm) or of a .rept/.irp/.irpc (up to its .endr). Like gas, it counts
/// only its own kind of nesting: a .rept inside a .macro body is just text until the macro runs.
/// </summary>
internal sealed class BlockCollector(bool isMacro, SourceLocation openedAt, string unterminatedMessage,
    Action<List<SourceLine>> complete)
{
    readonly List<SourceLine> body = new();
    int depth = 1;

    public SourceLocation OpenedAt { get; } = openedAt;
    public string UnterminatedMessage { get; } = unterminatedMessage;

    /// <summary>Takes one statement; returns true when it closed the block (the caller then runs <see cref="Complete"/>).</summary>
    public bool Accept(SourceLine statement)
    {
        var head = StatementHead.Parse(statement.Text);
        var directive = head.HasKeyword ? Directives.Lookup(head.Keyword(statement.Text)) : Directive.None;
        if (isMacro ? directive == Directive.Macro : directive is Directive.Rept or Directive.Irp or Directive.Irpc)
            depth++;
        else if (directive == (isMacro ? Directive.Endm : Directive.Endr) && --depth == 0)
            return true;
        body.Add(statement);
        return false;
    }

    public void Complete() => complete(body);
}
