using System.Globalization;

namespace A64Asm.Assembler.Parsing;

/// <summary>
/// Gives each definition of a numeric local label ("1:") its own symbol name, and resolves "1b"/"1f" to the
/// nearest definition before/after. The names start with ".L" so they never reach the object's symbol table.
/// </summary>
public sealed class LocalLabelNames
{
    private const char Separator = '\u0002';
    private readonly Dictionary<long, int> _definitions = new();

    public string Define(long label)
    {
        _definitions.TryGetValue(label, out int count);
        _definitions[label] = ++count;
        return Name(label, count);
    }

    /// <summary>Null for a backward reference to a label not yet defined.</summary>
    public string? Reference(long label, bool forward)
    {
        _definitions.TryGetValue(label, out int count);
        if (!forward && count == 0) return null;
        return Name(label, forward ? count + 1 : count);
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
