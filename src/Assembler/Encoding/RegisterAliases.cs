using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.InstructionEncoding;

/// <summary>Register names made with "name .req register" and removed with .unreq.</summary>
/// <remarks>GNU as keeps going where a .req cannot take effect: it warns and leaves the name as it was. Kernel
/// headers rely on that (<c>lr .req x30</c> names a register GNU as already knows by that name), so every case it
/// only warns about warns here too, in its words.</remarks>
public sealed class RegisterAliases
{
    // GNU as predefines these as aliases, not as built-in registers: defining them again to the same register is
    // silent, to another one warns as a redefinition.
    private static readonly HashSet<string> PredefinedAliases = new(StringComparer.OrdinalIgnoreCase) { "fp", "lr", "ip0", "ip1" };

    private readonly Dictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty => _aliases.Count == 0;

    public void Define(string name, string register, SourceLocation at, IDiagnosticSink diagnostics)
    {
        string target = Resolve(register);
        if (!RegisterNames.TryParse(target, out var targetOperand))
        {
            diagnostics.Warning(at, $"unknown register '{register}' -- .req ignored");
            return;
        }
        bool predefined = PredefinedAliases.Contains(name);
        if (RegisterNames.IsRegister(name) && !predefined)
        {
            diagnostics.Warning(at, $"ignoring attempt to redefine built-in register '{name}'");
            return;
        }
        string? existing = _aliases.TryGetValue(name, out var current) ? current : predefined ? name : null;
        if (existing is not null)
        {
            RegisterNames.TryParse(existing, out var existingOperand);
            if (!Equals(existingOperand, targetOperand))
                diagnostics.Warning(at, $"ignoring redefinition of register alias '{name}'");
            return;
        }
        _aliases[name] = target;
    }

    public void Remove(string name, SourceLocation at, IDiagnosticSink diagnostics)
    {
        if (_aliases.Remove(name))
            return;
        if (PredefinedAliases.Contains(name))
            throw new AsmError(at, $"cannot remove '{name}': a64asm keeps GNU as's predefined register aliases (fp, lr, ip0, ip1)");
        if (RegisterNames.IsRegister(name))
            diagnostics.Warning(at, $"ignoring attempt to undefine built-in register '{name}'");
        else
            throw new AsmError(at, $"unknown register alias '{name}'");
    }

    public string Resolve(string name) =>
        _aliases.Count != 0 && _aliases.TryGetValue(name, out var target) ? target : name;

    /// <summary>The aliases defined so far, to go back to with <see cref="Restore"/>.</summary>
    public KeyValuePair<string, string>[] Save() => _aliases.ToArray();

    public void Restore(KeyValuePair<string, string>[] saved)
    {
        _aliases.Clear();
        foreach (var (name, target) in saved) _aliases[name] = target;
    }
}
