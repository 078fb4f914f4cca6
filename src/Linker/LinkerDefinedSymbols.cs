using A64Asm.Linker.Input;
using A64Asm.Linker.Layout;
using A64Asm.Linker.Script;

namespace A64Asm.Linker;

/// <summary>A --defsym NAME=EXPRESSION: the name, the expression as typed (for the link map) and as read.</summary>
public sealed record Defsym(string Name, string Text)
{
    internal ScriptExpression Expression { get; init; } = null!;

    /// <summary>The expression as ld prints it in a map: constants folded, operations parenthesized.</summary>
    public string ReadAs => Expression.Text;

    /// <summary>Reads "NAME=EXPRESSION"; a mistake is a <see cref="ScriptError"/> at its column in the argument.</summary>
    public static Defsym Parse(string argument)
    {
        var (name, expression) = new ScriptParser(LinkerDefinedSymbols.DefsymOrigin, argument).Defsym();
        return new Defsym(name, argument[(argument.IndexOf('=') + 1)..]) { Expression = expression };
    }
}

/// <summary>
/// Symbols the link defines once sections have addresses: a script's assignments, ld's <c>__start_SEC</c> and
/// <c>__stop_SEC</c> for a referenced section whose name is a C identifier (the start and end of the output section
/// holding it), then each --defsym in command-line order, which may use any of them.
/// </summary>
public static class LinkerDefinedSymbols
{
    public const string DefsymOrigin = "--defsym";

    internal static IReadOnlyList<(Defsym Defsym, ulong Value)> Define(SymbolResolver globals, IReadOnlyList<InputObject> objects,
        IReadOnlyList<OutputSection> outputs, IReadOnlyList<ScriptSymbol> scriptSymbols, string? scriptFile, IReadOnlyList<Defsym> defsyms)
    {
        foreach (var symbol in scriptSymbols)
            globals.Define(symbol.Name, symbol.Value, scriptFile!);
        foreach (var name in SymbolResolver.Referenced(objects))
        {
            if (globals.TryGet(name, out _)) continue;
            var section = name.StartsWith("__start_", StringComparison.Ordinal) ? name["__start_".Length..]
                : name.StartsWith("__stop_", StringComparison.Ordinal) ? name["__stop_".Length..] : null;
            if (section is null || !IsCIdentifier(section)) continue;
            // ld puts the pair at the output section that holds the first input section of that name.
            var output = outputs.FirstOrDefault(o => o.Inputs.Any(i => i.Name == section));
            if (output is null) continue;
            globals.Define(name, name.StartsWith("__start_", StringComparison.Ordinal) ? output.Address : output.Address + output.Size, "linker");
        }
        var values = new List<(Defsym, ulong)>();
        var context = new DefsymContext(globals, outputs);
        foreach (var defsym in defsyms)
        {
            var value = defsym.Expression.Evaluate(context);
            globals.Define(defsym.Name, value, DefsymOrigin);
            values.Add((defsym, value));
        }
        return values;
    }

    public static bool IsCIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private sealed class DefsymContext(SymbolResolver globals, IReadOnlyList<OutputSection> outputs) : IScriptContext
    {
        public ulong? Dot => null;

        public bool TryGetSymbol(string name, out ulong value, out string? problem)
        {
            problem = null;
            value = 0;
            if (!globals.TryGet(name, out var definition)) return false;
            value = SymbolResolver.ValueOf(definition.Object, definition.Symbol);
            return true;
        }

        public bool TryGetSection(string name, out ulong address, out ulong size)
        {
            var output = outputs.FirstOrDefault(o => o.Name == name);
            (address, size) = output is null ? (0ul, 0ul) : (output.Address, output.Size);
            return output is not null;
        }
    }
}
