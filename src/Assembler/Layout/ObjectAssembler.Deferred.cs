using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Layout;

public sealed partial class ObjectAssembler
{
    /// <summary>Statements are emitted as they arrive (true until the tail begins).</summary>
    private bool _streaming;

    /// <summary>Counts lookups of symbols not (yet) defined, to tell a forward reference from a plain error.</summary>
    private int _undefinedLookups;

    /// <summary>Before the tail, work that needs later symbols is done at the end, at its place; the tail's emitting
    /// pass comes after every label is placed and needs none.</summary>
    private bool CanDefer => _streaming && !_deferred.Running;

    private void Defer(long offset, Action work) => _deferred.Add(offset, work);

}
