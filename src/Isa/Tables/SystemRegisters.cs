namespace A64Asm.Isa.Tables;

/// <summary>One named system register of sys.isa: its op0:op1:CRn:CRm:op2 and what GNU as 2.40 says about it.</summary>
/// <param name="AlsoPState">Also a PSTATE field of msr #imm (pan, dit, ...): GNU refuses msr of it by the field's name.</param>
public sealed record SystemRegister(string Name, int Encoding, bool ReadOnly, bool WriteOnly, bool Deprecated, bool AlsoPState, Feature[] Needs)
{
    /// <summary>Whether <paramref name="features"/> enables every feature the register needs.</summary>
    public bool AllowedBy(ArchFeatures features) => Array.TrueForAll(Needs, features.Allows);

    /// <summary>The first needed feature <paramref name="features"/> lacks (Base: none).</summary>
    public Feature FirstMissing(ArchFeatures features) => Array.Find(Needs, f => !features.Allows(f));

    /// <summary>GNU's error when the selected architecture lacks the register, for mrs (<paramref name="read"/>) or msr.</summary>
    public string NotSupportedMessage(bool read) => !read && AlsoPState
        ? SideTables.PStateNotSupported(Name)
        : SideTables.NotSupported(Name);

    /// <summary>GNU's warning for reading a write-only or writing a read-only register (the word is still written).</summary>
    public string? AccessWarning(bool read) =>
        read && WriteOnly ? "specified register cannot be read from"
        : !read && ReadOnly ? "specified register cannot be written to"
        : null;

    /// <summary>GNU's warning for an old name kept for compatibility (spsr_svc, spsr_hyp).</summary>
    public string? DeprecationWarning => Deprecated ? $"system register name '{Name}' is deprecated and may be removed in a future release" : null;
}

/// <summary>
/// The system registers by name (case-insensitive) and the name objdump prints for an encoding: the first in
/// table order that is not deprecated and allows the access (mrs of dbgdtrrx_el0 / msr of dbgdtrtx_el0 share one).
/// </summary>
public sealed class SystemRegisterTable
{
    // Flag bits above the 16-bit encoding, as IsaGen packs sys.isa's ro / wo / deprecated.
    internal const int ReadOnlyBit = 1 << 16, WriteOnlyBit = 1 << 17, DeprecatedBit = 1 << 18, PStateBit = 1 << 19, EncodingMask = 0xffff;

    readonly Dictionary<string, SystemRegister> byName = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<int, string> readName = new(), writeName = new();

    public SystemRegisterTable((string Name, int Value)[] entries, (string Name, Feature[] Needs)[] needs)
    {
        var needed = needs.ToDictionary(n => n.Name, n => n.Needs);
        foreach (var (name, value) in entries)
        {
            var reg = new SystemRegister(name, value & EncodingMask, (value & ReadOnlyBit) != 0, (value & WriteOnlyBit) != 0,
                (value & DeprecatedBit) != 0, (value & PStateBit) != 0, needed.GetValueOrDefault(name, []));
            byName[name] = reg;
            if (reg.Deprecated) continue;
            if (!reg.WriteOnly) readName.TryAdd(reg.Encoding, name);
            if (!reg.ReadOnly) writeName.TryAdd(reg.Encoding, name);
        }
        // An encoding only one direction names (a write-only register read) still prints that name.
        foreach (var reg in byName.Values.Where(r => !r.Deprecated))
        {
            readName.TryAdd(reg.Encoding, reg.Name);
            writeName.TryAdd(reg.Encoding, reg.Name);
        }
    }

    public bool TryGet(string name, out SystemRegister register) => byName.TryGetValue(name, out register!);

    /// <summary>The name objdump prints for mrs (<paramref name="read"/>) or msr of the encoding; null: the s-form.</summary>
    public string? NameOf(int encoding, bool read) => (read ? readName : writeName).GetValueOrDefault(encoding);

    public int Count => byName.Count;
    public IEnumerable<SystemRegister> All => byName.Values;
}
