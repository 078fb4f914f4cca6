using System.Buffers.Binary;

namespace A64Asm.Fuzz;

/// <summary>Bytes for disasm, verify and link: random words, mutated vector images, and ELF objects whose header,
/// section headers or symbol tables were given edge values (offsets past the end, counts near 2^16, sizes near 2^64).</summary>
public sealed class BinaryGenerator(FuzzRandom r)
{
    static readonly ulong[] Edges = [0, 1, 2, 3, 4, 7, 8, 0x40, 0xff, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000, 0x7fffffffffffffff, 0x8000000000000000, ulong.MaxValue, ulong.MaxValue - 7];

    public byte[] Flat(IReadOnlyList<byte[]> images)
    {
        if (images.Count > 0 && r.Chance(0.5))
            return Mutate(r.Pick(images), flips: r.Next(1, 32));
        var bytes = new byte[r.Chance(0.05) ? r.Next(1 << 20) : r.Next(4097)];
        r.Fill(bytes);
        if (r.Chance(0.2) && bytes.Length >= 4)
            "\x7f\x45\x4c\x46"u8.CopyTo(bytes);   // an ELF magic over random bytes
        return bytes;
    }

    public byte[] Elf(IReadOnlyList<byte[]> objects)
    {
        var bytes = r.Pick(objects).ToArray();
        int edits = r.Next(1, 8);
        for (int i = 0; i < edits; i++)
        {
            switch (r.Next(5))
            {
                case 0:   // ELF header fields: e_shoff, e_shentsize, e_shnum, e_shstrndx, e_ident
                    WriteEdge(bytes, r.Pick(new[] { 0x28, 0x3a, 0x3c, 0x3e, 0x04, 0x05, 0x10, 0x12, 0x34 }));
                    break;
                case 1:   // a section header field
                    WriteEdge(bytes, SectionHeaderField(bytes));
                    break;
                case 2:
                    bytes = bytes[..r.Next(bytes.Length + 1)];
                    break;
                default:
                    bytes = Mutate(bytes, r.Next(1, 16));
                    break;
            }
        }
        return bytes;
    }

    int SectionHeaderField(byte[] bytes)
    {
        if (bytes.Length < 0x40)
            return 0;
        ulong shoff = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0x28));
        int shnum = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3c));
        if (shnum == 0 || shoff > (ulong)bytes.Length)
            return r.Next(bytes.Length);
        // sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, sh_link, sh_info, sh_addralign, sh_entsize
        int field = r.Pick(new[] { 0, 4, 8, 16, 24, 32, 40, 44, 48, 56 });
        return (int)shoff + r.Next(shnum) * 64 + field;
    }

    void WriteEdge(byte[] bytes, int at)
    {
        ulong value = r.Chance(0.8) ? r.Pick(Edges) : r.NextU64();
        int width = r.Pick(new[] { 1, 2, 4, 8 });
        for (int i = 0; i < width && at + i < bytes.Length; i++)
            bytes[at + i] = (byte)(value >> (8 * i));
    }

    byte[] Mutate(byte[] source, int flips)
    {
        var bytes = source.ToArray();
        if (bytes.Length == 0)
            return bytes;
        for (int i = 0; i < flips; i++)
            bytes[r.Next(bytes.Length)] = (byte)r.Next(256);
        return bytes;
    }

    /// <summary>An offsets file as a64asm writes it (.json or .h), mutated, or one made up from random keys and values.</summary>
    public string Offsets(string sample, bool json)
    {
        if (r.Chance(0.7))
            return new TextMutator(r).Mutate(ReplaceValues(sample));
        var keys = new[] { "arm64_kexec_kimage_start_offset", "arm64_kexec_kimage_head_offset", "arm64_kexec_dtb_addr_offset", "arm64_relocate_new_kernel_size", "kimage_head", "bogus" };
        var pairs = Enumerable.Range(0, r.Next(6)).Select(_ => (r.Pick(keys), Value())).ToList();
        return json
            ? "{" + string.Join(",", pairs.Select(p => $"\"{p.Item1}\": {p.Item2}")) + "}"
            : string.Concat(pairs.Select(p => $"#define {p.Item1.ToUpperInvariant()} {p.Item2}\n"));
    }

    string Value() => r.Next(6) switch
    {
        0 => "\"text\"",
        1 => "null",
        2 => "[1, 2]",
        3 => "-1",
        4 => (r.Chance(0.5) ? r.Pick(Edges) : r.NextU64()).ToString(),
        _ => $"\"0x{r.Pick(Edges):x}\"",
    };

    // Keep the shape, change the numbers: the path where values are trusted.
    string ReplaceValues(string text)
    {
        string replaced = text;
        for (int i = 0; i < r.Next(1, 4); i++)
        {
            int at = replaced.IndexOfAny("0123456789".ToCharArray(), r.Next(Math.Max(1, replaced.Length)));
            if (at < 0) break;
            int end = at;
            while (end < replaced.Length && char.IsAsciiLetterOrDigit(replaced[end])) end++;
            ulong v = r.Chance(0.5) ? r.Pick(Edges) : (ulong)r.Next(0x20000);
            replaced = replaced[..at] + (r.Chance(0.5) ? $"0x{v:x}" : v.ToString()) + replaced[end..];
        }
        return replaced;
    }
}
