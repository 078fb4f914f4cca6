namespace A64Asm.Verifier.Caches;

/// <summary>The state of one D-cache line as far as memory coherency is concerned.</summary>
public enum LineState : byte
{
    /// <summary>Not in the cache: memory is what any observer sees.</summary>
    Invalid,
    /// <summary>In the cache and equal to memory.</summary>
    Clean,
    /// <summary>In the cache and newer than memory: a cache-off observer (the new kernel's early boot) sees old data.</summary>
    Dirty,
    /// <summary>Dirty with data from before the run (the old kernel's): an eviction would overwrite what the code stores.</summary>
    StaleDirty,
}

/// <summary>Data cache maintenance operations by VA that reach a line.</summary>
public enum DataMaintenance : byte
{
    InvalidateToPoC,      // dc ivac
    CleanToPoC,           // dc cvac
    CleanInvalidateToPoC, // dc civac
    CleanToPoU,           // dc cvau
    ZeroByVa,             // dc zva
}
