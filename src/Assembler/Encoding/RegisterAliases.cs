using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.InstructionEncoding;

/// <summary>Register names made with "name .req register" and removed with .unreq.</summary>
public sealed class RegisterAliases
{
    private readonly Dictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty => _aliases.Count == 0;

    public void Define(string name, string register, SourceLocation at)
    {
        string target = Resolve(register);
        if (!RegisterNames.IsRegister(target))
            throw new AsmError(at, $"'{register}' is not a register, so '{name}' cannot alias it");
        if (RegisterNames.IsRegister(name))
            throw new AsmError(at, $"cannot redefine register '{name}' with .req");
        _aliases[name] = target;
    }

    public void Remove(string name, SourceLocation at)
    {
        if (!_aliases.Remove(name))
            throw new AsmError(at, $"'{name}' is not a register alias");
    }

    public string Resolve(string name) =>
        _aliases.Count != 0 && _aliases.TryGetValue(name, out var target) ? target : name;

    public void Clear() => _aliases.Clear();
}
