namespace A64Asm.Isa.Tables;

/// <summary>Name ↔ value lookups over the generated side tables (src/Isa/Table/sys.isa).</summary>
public static partial class SideTables
{
    /// <summary>Set in a DC/IC/AT/TLBI value when the operation takes no register.</summary>
    public const int NoRegister = 1 << 20;

    public static readonly SystemRegisterTable SysRegs = new(SysregEntries, SysregNeeds);
    public static readonly NameTable PStateFields = new(PstateEntries, PstateNeeds);
    public static readonly NameTable SvcrFields = new(SvcrEntries, SvcrNeeds);
    public static readonly NameTable Barriers = new(BarrierEntries);
    public static readonly NameTable DcOps = new(DcOpEntries, DcOpNeeds);
    public static readonly NameTable IcOps = new(IcOpEntries);
    public static readonly NameTable AtOps = new(AtOpEntries, AtOpNeeds);
    public static readonly NameTable TlbiOps = new(TlbiOpEntries, TlbiOpNeeds);
    public static readonly NameTable PrefetchOps = new(PrfopEntries);
    public static readonly NameTable Conditions = new(CondEntries);
    public static readonly NameTable BtiTargets = new(BtiTargetEntries);
    public static readonly NameTable BarrierNxsOptions = new(BarrierNxsEntries);

    /// <summary>GNU's error for a system register or dc/ic/at/tlbi/rctx operation the selection lacks.</summary>
    public static string NotSupported(string name) => $"selected processor does not support system register name '{name}'";

    /// <summary>GNU's error for a PSTATE field the selection lacks.</summary>
    public static string PStateNotSupported(string name) => $"selected processor does not support PSTATE field name '{name}'";
}

/// <summary>Case-insensitive name → value, and value → first name (the printed one).</summary>
public sealed class NameTable
{
    readonly Dictionary<string, int> byName = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<int, string> byValue = new();

    readonly Dictionary<string, Feature[]> needs = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="needed">The table's feat= column: the features a name needs (all of them).</param>
    public NameTable((string Name, int Value)[] entries, (string Name, Feature[] Needs)[]? needed = null)
    {
        foreach (var (name, features) in needed ?? []) needs[name] = features;
        foreach (var (name, value) in entries)
        {
            byName[name] = value;
            byValue.TryAdd(value & ~SideTables.NoRegister, name);
        }
    }

    public bool TryGetValue(string name, out int value) => byName.TryGetValue(name, out value);
    public string? NameOf(int value) => byValue.GetValueOrDefault(value);
    public bool TakesNoRegister(int valueWithoutFlag) =>
        byValue.TryGetValue(valueWithoutFlag, out var name) && (byName[name] & SideTables.NoRegister) != 0;
    /// <summary>The features <paramref name="name"/> needs (empty: none).</summary>
    public Feature[] NeedsOf(string name) => needs.GetValueOrDefault(name, []);
    public int Count => byName.Count;
    public IEnumerable<KeyValuePair<string, int>> Entries => byName;
}
