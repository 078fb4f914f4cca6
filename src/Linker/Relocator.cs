using System.Buffers.Binary;
using A64Asm.Isa.Fixups;
using A64Asm.Linker.Input;

namespace A64Asm.Linker;

/// <summary>
/// Applies every RELA entry of the allocated input sections to the laid-out bytes through
/// <see cref="Fixup.Apply"/>, with S, A and P taken from the final layout. Problems are reported in ld's words
/// and all of them are collected before the link fails.
/// </summary>
internal sealed class Relocator
{
    private readonly SymbolResolver _globals;
    private readonly List<string> _errors = new();

    public Relocator(SymbolResolver globals) => _globals = globals;

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Relocates one input section whose bytes start at <paramref name="at"/> in its output section's buffer.</summary>
    public void Apply(InputSection section, Span<byte> output, int at)
    {
        foreach (var reloc in section.Relocations)
        {
            // R_AARCH64_NONE, and R_AARCH64_NULL (256), the number the ABI gave it once: ld ignores both.
            if (reloc.Type is 0 or 256) continue;
            var where = section.Where(reloc.Offset);
            var kind = Fixup.FromElfType(reloc.Type);
            if (kind == FixupKind.None || !Fixup.Spec(kind).IsStatic)
            {
                _errors.Add($"{where}: unsupported relocation {UnsupportedRelocationNames.Describe(reloc.Type)}");
                continue;
            }
            // Written so that an r_offset near 2^64 cannot wrap the sum round to a small one.
            if (section.IsNoBits || reloc.Offset > section.Size || section.Size - reloc.Offset < (ulong)Fixup.FieldSize(kind))
            {
                _errors.Add($"{where}: {Fixup.ElfName(kind)} outside the section's contents");
                continue;
            }
            if (!TryResolve(section.Owner, reloc.SymbolIndex, where, out var symbolValue, out var against))
                continue;
            if (kind is FixupKind.Call26 or FixupKind.Branch26 && IsUndefinedWeak(section.Owner, reloc.SymbolIndex))
            {
                // ld turns a call or jump to an absent weak function into a NOP rather than a branch to 0.
                BinaryPrimitives.WriteUInt32LittleEndian(output.Slice(at + (int)reloc.Offset), Nop);
                continue;
            }

            var place = section.Address + reloc.Offset;
            var value = Fixup.ValueFor(kind, (long)(symbolValue + (ulong)reloc.Addend), (long)place);
            var status = Fixup.Apply(kind, output.Slice(at + (int)reloc.Offset), value, section.Owner.BigEndian);
            if (status != FixupStatus.Ok)
                _errors.Add(Describe(where, kind, status, value, against));
        }
    }

    private const uint Nop = 0xd503201f;

    private bool IsUndefinedWeak(InputObject obj, uint index)
    {
        var symbol = obj.Symbols[(int)index];
        return index != 0 && symbol.IsWeak && !_globals.TryGet(symbol.Name, out _);
    }

    private bool TryResolve(InputObject obj, uint index, string where, out ulong value, out string against)
    {
        value = 0;
        if (index == 0)
        {
            against = "'*ABS*'";
            return true;
        }
        var symbol = obj.Symbols[(int)index];
        if (symbol.IsLocal)
        {
            var section = symbol.SectionIndex < obj.Sections.Count ? obj.Sections[symbol.SectionIndex] : null;
            against = symbol.IsSection && section is not null ? $"'{section.Name}'" : $"'{symbol.Name}'";
            if (symbol.IsUndefined)
            {
                _errors.Add($"{where}: undefined reference to '{symbol.Name}'");
                return false;
            }
            value = SymbolResolver.ValueOf(obj, symbol);
            return true;
        }
        if (_globals.TryGet(symbol.Name, out var definition))
        {
            value = SymbolResolver.ValueOf(definition.Object, definition.Symbol);
            var home = definition.Symbol.IsAbsolute ? "*ABS*"
                : definition.Object.Sections.ElementAtOrDefault(definition.Symbol.SectionIndex)?.Name ?? "*UND*";
            against = $"symbol '{symbol.Name}' defined in {home} section in {definition.Object.Name}";
            return true;
        }
        against = $"undefined symbol '{symbol.Name}'";
        if (symbol.IsWeak) return true; // an undefined weak symbol is zero in a static link
        _errors.Add($"{where}: undefined reference to '{symbol.Name}'");
        return false;
    }

    // ld reports a value that does not fit — and a :lo12: offset the access size does not divide — as
    // "relocation truncated to fit"; a branch to a misaligned target, which ld lets through, is an error here.
    // ld's words come first; then what ld leaves out: the value the field would have held and what it accepts.
    private static string Describe(string where, FixupKind kind, FixupStatus status, long value, string against)
    {
        bool truncated = status == FixupStatus.OutOfRange
            || kind is FixupKind.Ldst16Lo12 or FixupKind.Ldst32Lo12 or FixupKind.Ldst64Lo12 or FixupKind.Ldst128Lo12;
        var problem = truncated ? "relocation truncated to fit" : Fixup.Message(kind, status, value);
        return $"{where}: {problem}: {Fixup.ElfName(kind)} against {against}: {Fixup.RangeProblem(kind, value)}";
    }
}
