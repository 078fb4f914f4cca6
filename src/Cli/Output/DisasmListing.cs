using System.Buffers.Binary;
using System.Text;
using A64Asm.Cli.Commands;
using A64Asm.Isa;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Formatting;

namespace A64Asm.Cli.Output;

/// <summary>
/// objdump -d's listing layout: a header per section, "ADDR <sym>:" labels, "addr:\tword \ttext" lines,
/// relocations under their word, "\t..." for runs of zero bytes.
/// </summary>
public static class DisasmListing
{
    // objdump elides a run of at least this many zero bytes (its SKIP_ZEROES).
    const int ZeroRunToSkip = 8;

    public static void Write(DisasmFile file, TextWriter w)
    {
        w.Write($"\n{file.Path}:     file format {file.FormatName}\n\n");
        foreach (var section in file.Sections)
            WriteSection(file, section, w);
    }

    static void WriteSection(DisasmFile file, DisasmSection section, TextWriter w)
    {
        w.Write($"\nDisassembly of section {section.Name}:\n");
        var labels = LabelsByAddress(section);
        int addressWidth = AddressWidth(section.Address + (ulong)section.Data.Length);
        var relocations = section.Relocations.ToLookup(r => r.Address);
        byte[] data = section.Data;
        if (!labels.ContainsKey(section.Address))
            w.Write($"\n{section.Address:x16} <{section.Name}>:\n");
        int offset = 0;
        while (offset < data.Length)
        {
            ulong address = section.Address + (ulong)offset;
            if (labels.TryGetValue(address, out string? label))
                w.Write($"\n{address:x16} <{label}>:\n");
            int zeros = ZeroRunLength(data, offset, section, labels);
            if (zeros >= ZeroRunToSkip)
            {
                w.Write("\t...\n");
                for (int i = 0; i < zeros; i++)
                    WriteRelocations(relocations[address + (ulong)i], w);
                offset += zeros;
                continue;
            }
            if (section.IsDataAt(address) && DataChunk(section, address, data.Length - offset) is var chunk and < 4)
            {
                // objdump splits data where a mapping symbol falls inside a word: naturally aligned .short/.byte.
                ulong value = chunk == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(offset)) : data[offset];
                string hex = chunk == 2 ? $"{value:x4}      " : $"{value:x2}          ";
                w.Write($"{Address(address, addressWidth)}:\t{hex}\t{(chunk == 2 ? ".short" : ".byte")}\t0x{value.ToString(chunk == 2 ? "x4" : "x2")}\n");
                WriteRelocations(relocations[address], w);
                offset += chunk;
                continue;
            }
            if (offset + 4 > data.Length)
            {
                w.Write($"{Address(address, addressWidth)}:\t{data[offset]:x2}      \t.byte\t0x{data[offset]:x2}\n");
                offset++;
                continue;
            }
            uint word = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset));
            string text = section.IsDataAt(address) ? $".word\t0x{word:x8}"
                : InstructionText(word, address, file.HasSymbols ? section : null, relocations[address].FirstOrDefault());
            w.Write($"{Address(address, addressWidth)}:\t{word:x8} \t{text}\n");
            WriteRelocations(relocations[address], w);
            offset += 4;
        }
    }

    static int DataChunk(DisasmSection section, ulong address, int left)
    {
        ulong limit = address + (ulong)left;
        foreach (var (at, _) in section.Mapping)
            if (at > address && at < limit) { limit = at; break; }
        ulong room = limit - address;
        if (address % 4 == 0 && room >= 4) return 4;
        if (address % 2 == 0 && room >= 2) return 2;
        return 1;
    }

    static void WriteRelocations(IEnumerable<DisasmRelocation> relocations, TextWriter w)
    {
        foreach (var r in relocations)
            w.Write($"\t\t\t{r.Address:x}: {r.TypeName}\t{RelocationTarget(r)}\n");
    }

    /// <summary>
    /// The formatter's text; ".inst ... ; undefined" for an unallocated word; branch targets named after symbols.
    /// As objdump does, a word with a relocation shows the target its field holds (pc taken as 0) and, when the
    /// relocation's symbol is undefined, that symbol's name.
    /// </summary>
    public static string InstructionText(uint word, ulong address, DisasmSection? symbols, DisasmRelocation? relocation = null)
    {
        var ins = A64Decoder.Decode(word);
        string text = A64Formatter.Format(in ins, address);
        if (!ins.IsValid) return text + " ; undefined";
        if (symbols is null || !TryTarget(in ins, address, out ulong target)) return text;
        string written = "0x" + target.ToString("x");
        if (!text.EndsWith(written, StringComparison.Ordinal)) return text;
        if (relocation is not null)
            TryTarget(in ins, 0, out target);
        string name = relocation is { TargetIsUndefined: true }
            ? (target == 0 ? relocation.Target : $"{relocation.Target}+0x{target:x}")
            : SymbolPlusOffset(symbols, target);
        return text[..^written.Length] + $"{target:x} <{name}>";
    }

    /// <summary>The address a pc-relative operand names, when the printed row has one.</summary>
    static bool TryTarget(in Instruction ins, ulong pc, out ulong target)
    {
        target = 0;
        foreach (var spec in A64Formatter.PreferredRow(ins.Code, ins.Word).Operands)
        {
            switch (spec.Kind)
            {
                case OperandKind.AdrpLabel:
                    target = (pc & ~0xfffUL) + (ulong)ins.Imm;
                    return true;
                case OperandKind.Label26: case OperandKind.CallLabel26: case OperandKind.Label19:
                case OperandKind.LitLabel19: case OperandKind.Label14: case OperandKind.AdrLabel:
                    target = pc + (ulong)ins.Imm;
                    return true;
            }
        }
        return false;
    }

    /// <summary>"name+0x10" after the nearest symbol at or below the address, objdump's choice; else the section.</summary>
    static string SymbolPlusOffset(DisasmSection section, ulong target)
    {
        DisasmSymbol? best = null;
        foreach (var s in section.Symbols)
            if (s.Address <= target && (best is null || s.Address > best.Address)) best = s;
        string name = best?.Name ?? section.Name;
        ulong at = best?.Address ?? section.Address;
        return target == at ? name : $"{name}+0x{target - at:x}";
    }

    static string RelocationTarget(DisasmRelocation r) => r.Addend switch
    {
        0 => r.Target,
        > 0 => $"{r.Target}+0x{r.Addend:x}",
        _ => $"{r.Target}-0x{-r.Addend:x}",
    };

    /// <summary>One label per address, the first the symbol table gives (objdump too shows one).</summary>
    static Dictionary<ulong, string> LabelsByAddress(DisasmSection section)
    {
        var map = new Dictionary<ulong, string>();
        foreach (var s in section.Symbols)
            map.TryAdd(s.Address, s.Name);
        return map;
    }

    /// <summary>Zero bytes from offset up to the next label, non-zero byte or end; a multiple of 4 unless it reaches the end.</summary>
    static int ZeroRunLength(byte[] data, int offset, DisasmSection section, Dictionary<ulong, string> labels)
    {
        int end = offset;
        while (end < data.Length && data[end] == 0)
        {
            end++;
            if (labels.ContainsKey(section.Address + (ulong)end)) break;
        }
        int run = end - offset;
        return end == data.Length ? run : run & ~3;
    }

    /// <summary>objdump's column: the last address's hex digits, leading zeros dropped in groups of four, at least one shown.</summary>
    static int AddressWidth(ulong end)
    {
        string full = end.ToString("x16");
        int zeros = full.TakeWhile(c => c == '0').Count();
        int skip = zeros == 0 ? 0 : (zeros - 1) & ~3;
        return 16 - skip;
    }

    static string Address(ulong address, int width) => address.ToString("x").PadLeft(width);
}
