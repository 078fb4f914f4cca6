namespace A64Asm.Cli.Commands;

/// <summary>A symbol shown as a label and used to name branch targets: its address and name.</summary>
public sealed record DisasmSymbol(ulong Address, string Name);

/// <summary>A relocation against a word of the section, printed under it as objdump -dr does.</summary>
/// <remarks><paramref name="TargetIsUndefined"/>: objdump names a branch after such a symbol rather than the nearest label.</remarks>
public sealed record DisasmRelocation(ulong Address, string TypeName, string Target, long Addend, bool TargetIsUndefined);

/// <summary>
/// One section to list: its bytes at an address, the symbols that label it, where data sits among the code
/// (from the $x/$d mapping symbols), and its relocations.
/// </summary>
public sealed record DisasmSection(
    string Name,
    ulong Address,
    byte[] Data,
    IReadOnlyList<DisasmSymbol> Symbols,
    IReadOnlyList<(ulong Address, bool IsData)> Mapping,
    IReadOnlyList<DisasmRelocation> Relocations)
{
    /// <summary>True when the mapping symbols say the byte at <paramref name="address"/> is data ($d).</summary>
    public bool IsDataAt(ulong address)
    {
        bool isData = false;
        foreach (var (at, data) in Mapping)
        {
            if (at > address) break;
            isData = data;
        }
        return isData;
    }
}

/// <summary>What <c>a64asm disasm</c> lists: a file's format name and its executable sections.</summary>
public sealed record DisasmFile(string Path, string FormatName, bool HasSymbols, IReadOnlyList<DisasmSection> Sections);
