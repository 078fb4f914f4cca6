using System.Globalization;

namespace A64Asm.Assembler.Parsing;

/// <summary>
/// Gives each definition of a numeric local label ("1:") its own symbol name, and resolves "1b"/"1f" to the
/// nearest definition before/after. The names start with ".L" so they never reach the object's symbol table.
/// </summary>
public sealed class LocalLabelNames
{
    private const char Separator = '\u0002';

    // Per label number: how many definitions so far, and the names of the last one and of the next, made once
    // each: a large file refers to "1b"/"1f" far more often than it defines "1:".
    private readonly Dictionary<long, Instances> _definitions = new();

    private sealed class Instances
    {
        public int Count;
        public string? Current;
        public string? Next;
    }

    public string Define(long label)
    {
        if (!_definitions.TryGetValue(label, out var instances))
            _definitions[label] = instances = new Instances();
        instances.Current = instances.Next ?? Name(label, instances.Count + 1);
        instances.Next = null;
        instances.Count++;
        return instances.Current;
    }

    /// <summary>Null for a backward reference to a label not yet defined.</summary>
    public string? Reference(long label, bool forward)
    {
        _definitions.TryGetValue(label, out var instances);
        int count = instances?.Count ?? 0;
        if (!forward)
            return count == 0 ? null : instances!.Current;
        if (instances is null)
            _definitions[label] = instances = new Instances();
        return instances.Next ??= Name(label, count + 1);
    }

    public static bool IsLocalLabelName(string name) => name.Contains(Separator);

    /// <summary>How a message names the label: "1" (instance 2).</summary>
    public static string Describe(string name)
    {
        int sep = name.IndexOf(Separator);
        return sep < 0 ? name : $"\"{name[2..sep]}\" (instance number {name[(sep + 1)..]} of a fb label)";
    }

    private static string Name(long label, int instance) =>
        string.Concat(".L", label.ToString(CultureInfo.InvariantCulture), Separator.ToString(), instance.ToString(CultureInfo.InvariantCulture));
}
