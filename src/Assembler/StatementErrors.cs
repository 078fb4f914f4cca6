using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler;

/// <summary>
/// The errors of one run, kept so that the run can go on and report them all, as GNU as does; at
/// <c>--max-errors</c> the run stops with a last line saying so.
/// </summary>
internal sealed class StatementErrors(long max)
{
    private readonly List<AsmError> _errors = new();

    public int Count => _errors.Count;

    public void Add(AsmError error)
    {
        _errors.AddRange(error.Each());
        if (_errors.Count >= max)
        {
            _errors.Add(new AsmError(null, $"too many errors: stopping at {max} (use --max-errors to raise the limit)"));
            throw AsmError.All(_errors);
        }
    }

    /// <summary>Throws the errors found, by line when they are all in one file (work done at the end, such as an
    /// instruction that named a later symbol, reports after the statements that followed it).</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count == 0)
            return;
        var files = _errors.Where(e => e.Location is not null).Select(e => e.Location!.Pos.File).Distinct().Count();
        throw AsmError.All(files == 1 ? _errors.OrderBy(e => e.Location?.Pos.Line ?? int.MaxValue).ToList() : _errors);
    }
}
