namespace A64Asm.Assembler.Layout;

/// <summary>
/// Work that names a symbol defined further on (a datum, an instruction, a .size), done at its place once the input
/// has ended and every label is placed. Only statements before the tail defer; the tail is emitted after layout.
/// </summary>
internal sealed class DeferredWork(SectionTable sections)
{
    private readonly List<(AsmSection Section, long Offset, Action Work)> _work = new();

    public int Count => _work.Count;

    /// <summary>Set once the deferred work runs: from then on nothing defers again.</summary>
    public bool Running { get; private set; }

    /// <summary>Work for '.' = <paramref name="offset"/> of the current section.</summary>
    public void Add(long offset, Action work) => _work.Add((sections.Current, offset, work));

    /// <summary>Runs every piece; the errors of all of them are reported together, as GNU as reports its fixups'.</summary>
    public void RunAll()
    {
        Running = true;
        var errors = new List<Diagnostics.AsmError>();
        foreach (var (section, offset, work) in _work)
        {
            sections.RunIn(section, () =>
            {
                long end = section.Location;
                section.Location = offset;
                try { work(); }
                catch (Diagnostics.AsmError e) { errors.Add(e); }
                finally { section.Location = end; }
            });
        }
        _work.Clear();
        if (errors.Count > 0)
            throw Diagnostics.AsmError.All(errors);
    }
}
