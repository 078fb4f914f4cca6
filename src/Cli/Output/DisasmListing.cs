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
        var relocations = section.Relocations.Count == 0 ? null : section.Relocations.ToLookup(r => r.Address);
        var mapping = new MappingCursor(section.Mapping);
        byte[] data = section.Data;
        if (!labels.ContainsKey(section.Address))
            w.Write($"\n{section.Address:x16} <{section.Name}>:\n");
        // One builder for every line: a string per line, per address and per instruction was most of the time.
        var line = new StringBuilder(128);
        int offset = 0;
        while (offset < data.Length)
        {
            line.Clear();
            ulong address = section.Address + (ulong)offset;
            if (labels.Count > 0 && labels.TryGetValue(address, out string? label))
                line.Append($"\n{address:x16} <{label}>:\n");
            int zeros = data[offset] == 0 ? ZeroRunLength(data, offset, section, labels) : 0;
            if (zeros >= ZeroRunToSkip)
            {
                line.Append("\t...\n");
                if (relocations is not null)
                    for (int i = 0; i < zeros; i++)
                        AppendRelocations(line, relocations[address + (ulong)i]);
                w.Write(line);
                offset += zeros;
                continue;
            }
            bool isData = mapping.IsDataAt(address);
            if (isData && DataChunk(address, data.Length - offset, mapping.NextMarker) is var chunk and < 4)
            {
                // objdump splits data where a mapping symbol falls inside a word: naturally aligned .short/.byte.
                ulong value = chunk == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(offset)) : data[offset];
                string hex = chunk == 2 ? $"{value:x4}      " : $"{value:x2}          ";
                AppendAddress(line, address, addressWidth);
                line.Append($"\t{hex}\t{(chunk == 2 ? ".short" : ".byte")}\t0x{value.ToString(chunk == 2 ? "x4" : "x2")}\n");
                if (relocations is not null) AppendRelocations(line, relocations[address]);
                w.Write(line);
                offset += chunk;
                continue;
            }
            AppendAddress(line, address, addressWidth);
            if (offset + 4 > data.Length)
            {
                line.Append($"\t{data[offset]:x2}      \t.byte\t0x{data[offset]:x2}\n");
                w.Write(line);
                offset++;
                continue;
            }
            uint word = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset));
            Hex.Append(line.Append('\t'), word, 8).Append(" \t");
            if (isData) Hex.Append(line.Append(".word\t0x"), word, 8);
            else AppendInstruction(line, word, address, file.HasSymbols ? section : null, relocations?[address].FirstOrDefault());
            line.Append('\n');
            if (relocations is not null) AppendRelocations(line, relocations[address]);
            w.Write(line);
            offset += 4;
        }
    }

    /// <summary>Bytes of data to print as one item: a word, or less where the next mapping symbol falls inside it.</summary>
    static int DataChunk(ulong address, int left, ulong nextMarker)
    {
        ulong limit = Math.Min(address + (ulong)left, Math.Max(nextMarker, address + 1));
        ulong room = limit - address;
        if (address % 4 == 0 && room >= 4) return 4;
        if (address % 2 == 0 && room >= 2) return 2;
        return 1;
    }

    static void AppendRelocations(StringBuilder line, IEnumerable<DisasmRelocation> relocations)
    {
        foreach (var r in relocations)
            line.Append($"\t\t\t{r.Address:x}: {r.TypeName}\t{RelocationTarget(r)}\n");
    }

    /// <summary>
    /// The formatter's text; ".inst ... ; undefined" for an unallocated word; branch targets named after symbols.
    /// As objdump does, a word with a relocation shows the target its field holds (pc taken as 0) and, when the
    /// relocation's symbol is undefined, that symbol's name.
    /// </summary>
    public static string InstructionText(uint word, ulong address, DisasmSection? symbols, DisasmRelocation? relocation = null)
    {
        var sb = new StringBuilder(48);
        AppendInstruction(sb, word, address, symbols, relocation);
        return sb.ToString();
    }

    static void AppendInstruction(StringBuilder sb, uint word, ulong address, DisasmSection? symbols, DisasmRelocation? relocation)
    {
        var ins = A64Decoder.Decode(word);
        int start = sb.Length;
        A64Formatter.Append(sb, in ins, address);
        if (!ins.IsValid)
        {
            sb.Append(" ; undefined");
            return;
        }
        if (symbols is null || !TryTarget(in ins, address, out ulong target)) return;
        string written = "0x" + target.ToString("x");
        if (!EndsWith(sb, start, written)) return;
        if (relocation is not null)
            TryTarget(in ins, 0, out target);
        string name = relocation is { TargetIsUndefined: true }
            ? (target == 0 ? relocation.Target : $"{relocation.Target}+0x{target:x}")
            : SymbolPlusOffset(symbols, target);
        sb.Length -= written.Length;
        sb.Append($"{target:x} <{name}>");
    }

    static bool EndsWith(StringBuilder sb, int start, string tail)
    {
        if (sb.Length - start < tail.Length) return false;
        for (int i = 0; i < tail.Length; i++)
            if (sb[sb.Length - tail.Length + i] != tail[i]) return false;
        return true;
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

    /// <summary>
    /// Whether a mapping symbol marks an address as data, for addresses that only grow: a scan of the mapping from the
    /// start for every word made an object with many $x/$d symbols quadratic.
    /// </summary>
    struct MappingCursor(IReadOnlyList<(ulong Address, bool IsData)> mapping)
    {
        int _next;
        bool _isData;

        public bool IsDataAt(ulong address)
        {
            while (_next < mapping.Count && mapping[_next].Address <= address)
                _isData = mapping[_next++].IsData;
            return _isData;
        }

        /// <summary>The address of the first mapping symbol after the last address asked about.</summary>
        public readonly ulong NextMarker => _next < mapping.Count ? mapping[_next].Address : ulong.MaxValue;
    }

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

    static void AppendAddress(StringBuilder line, ulong address, int width)
    {
        int digits = Hex.DigitCount(address);
        if (digits < width) line.Append(' ', width - digits);
        Hex.Append(line, address).Append(':');
    }
}
