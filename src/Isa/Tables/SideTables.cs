namespace A64Asm.Isa.Tables;

/// <summary>Name ↔ value lookups over the generated side tables (src/Isa/Table/sys.isa).</summary>
public static partial class SideTables
{
    /// <summary>Set in a DC/IC/AT/TLBI value when the operation takes no register.</summary>
    public const int NoRegister = 1 << 20;

    public static readonly NameTable SysRegs = new(SysregEntries);
    public static readonly NameTable PStateFields = new(PstateEntries);
    public static readonly NameTable Barriers = new(BarrierEntries);
    public static readonly NameTable DcOps = new(DcOpEntries);
    public static readonly NameTable IcOps = new(IcOpEntries);
    public static readonly NameTable AtOps = new(AtOpEntries);
    public static readonly NameTable TlbiOps = new(TlbiOpEntries);
    public static readonly NameTable PrefetchOps = new(PrfopEntries);
    public static readonly NameTable Conditions = new(CondEntries);
    public static readonly NameTable BtiTargets = new(BtiTargetEntries);
}

/// <summary>Case-insensitive name → value, and value → first name (the printed one).</summary>
public sealed class NameTable
{
    readonly Dictionary<string, int> byName = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<int, string> byValue = new();

    public NameTable((string Name, int Value)[] entries)
    {
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
    public int Count => byName.Count;
    public IEnumerable<KeyValuePair<string, int>> Entries => byName;
}
