using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Preprocessing;

/// <summary>Macros whose value the preprocessor computes at each use.</summary>
internal enum BuiltinMacro { None, File, Line, BaseFile, Counter, IncludeLevel, HasInclude, HasIncludeNext }

internal sealed class MacroDefinition
{
    public MacroDefinition(string name, bool isFunctionLike, string[] parameters, bool isVariadic,
                           PpToken[] body, SourceLocation? definedAt, BuiltinMacro builtin = BuiltinMacro.None)
    {
        Name = name;
        IsFunctionLike = isFunctionLike;
        Parameters = parameters;
        IsVariadic = isVariadic;
        Body = body;
        DefinedAt = definedAt;
        Builtin = builtin;
        Self = HideSet.Of(name);
        IsVerbatim = !isFunctionLike && !body.Any(t => t.Is("##"));
    }

    /// <summary>An object-like macro without ##: its expansion is its body, copied as it is.</summary>
    public bool IsVerbatim { get; }

    public string Name { get; }
    public bool IsFunctionLike { get; }

    /// <summary>Parameter names; for a variadic macro the last one is the variadic one (__VA_ARGS__ or GNU "args...").</summary>
    public string[] Parameters { get; }

    public bool IsVariadic { get; }
    public PpToken[] Body { get; }
    public SourceLocation? DefinedAt { get; }
    public BuiltinMacro Builtin { get; }

    /// <summary>The hide set {Name}, shared by all tokens of an object-like expansion.</summary>
    public HideSet Self { get; }

    public int ParameterIndex(string name) => IsFunctionLike ? Array.IndexOf(Parameters, name) : -1;

    /// <summary>C 6.10.3p2: a redefinition is allowed only when it is identical, white-space separation included.</summary>
    public bool SameAs(MacroDefinition other)
    {
        if (IsFunctionLike != other.IsFunctionLike || IsVariadic != other.IsVariadic
            || !Parameters.SequenceEqual(other.Parameters) || Body.Length != other.Body.Length
            || Builtin != other.Builtin)
            return false;
        for (int i = 0; i < Body.Length; i++)
        {
            if (Body[i].Text != other.Body[i].Text)
                return false;
            if (i > 0 && (Body[i].Ws.Length > 0) != (other.Body[i].Ws.Length > 0))
                return false;
        }
        return true;
    }
}

/// <summary>The defined macros, with a cheap filter so lines without any macro name skip the dictionary.</summary>
internal sealed class MacroTable
{
    readonly Dictionary<string, MacroDefinition> map = new(StringComparer.Ordinal);
    readonly Dictionary<string, MacroDefinition>.AlternateLookup<ReadOnlySpan<char>> spanLookup;
    readonly ulong[] filter = new ulong[16];

    public MacroTable() => spanLookup = map.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => map.Count;

    public MacroDefinition? Get(string name) => map.GetValueOrDefault(name);

    public bool IsDefined(string name) => map.ContainsKey(name);

    /// <summary>For the fast path: a defined macro, or the _Pragma operator, which also needs the expander.</summary>
    public bool NeedsExpansion(ReadOnlySpan<char> name)
    {
        int bit = FilterBit(name);
        return ((filter[bit >> 6] & (1UL << bit)) != 0 && spanLookup.ContainsKey(name)) || name.SequenceEqual("_Pragma");
    }

    public void Define(MacroDefinition macro)
    {
        map[macro.Name] = macro;
        int bit = FilterBit(macro.Name);
        filter[bit >> 6] |= 1UL << bit;
    }

    // The filter keeps the bit of a removed name; a stale bit only costs a dictionary lookup.
    public bool Undefine(string name) => map.Remove(name);

    static int FilterBit(ReadOnlySpan<char> name) => (name[0] * 7 + name[^1] * 31 + name.Length * 131) & 1023;
}
