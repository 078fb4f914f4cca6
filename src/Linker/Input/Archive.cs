using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace A64Asm.Linker.Input;

/// <summary>One member of an ar archive: its name, where its header starts (the symbol index points there) and its bytes.</summary>
public sealed record ArchiveMember(string Name, long HeaderOffset, byte[] Bytes);

/// <summary>
/// An ar archive as GNU ar writes it ("!&lt;arch&gt;\n", 60-byte member headers, "/" for the symbol index with
/// big-endian 32-bit offsets, "/SYM64/" with 64-bit ones, "//" for names longer than 15 characters). The index
/// says which member defines which symbol; like ld, a64asm needs it to pick members (ranlib or ar s writes it).
/// </summary>
public sealed class Archive
{
    public static readonly byte[] Magic = "!<arch>\n"u8.ToArray();
    private const int HeaderSize = 60;

    private Archive(string name) => Name = name;

    public string Name { get; }
    public IReadOnlyList<ArchiveMember> Members { get; private set; } = [];

    /// <summary>The symbol index in its order: each defined symbol and the member that defines it.</summary>
    public IReadOnlyList<(string Symbol, ArchiveMember Member)> Index { get; private set; } = [];

    public static bool IsArchive(ReadOnlySpan<byte> file) => file.StartsWith(Magic);

    /// <summary>Reads the archive's members and index; a malformed one is a <see cref="LinkError"/> naming what is wrong.</summary>
    public static Archive Read(string name, byte[] file)
    {
        if (file.AsSpan().StartsWith("!<thin>\n"u8))
            throw new LinkError($"{name}: thin archives are not supported (their members are separate files)");
        var archive = new Archive(name);
        var members = new List<ArchiveMember>();
        byte[]? index = null, longNames = null;
        bool index64 = false;
        long at = Magic.Length;
        while (at < file.Length)
        {
            if (file.Length - at < HeaderSize)
                throw new LinkError($"{name}: archive truncated (a member header at 0x{at:x} needs 60 bytes, {file.Length - at} left)");
            var header = file.AsSpan((int)at, HeaderSize);
            if (header[58] != '`' || header[59] != '\n')
                throw new LinkError($"{name}: malformed archive (member header at 0x{at:x} does not end in \"`\\n\")");
            var rawName = Encoding.ASCII.GetString(header[..16]).TrimEnd(' ');
            var sizeText = Encoding.ASCII.GetString(header.Slice(48, 10)).Trim(' ');
            if (!long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                throw new LinkError($"{name}: malformed archive (member at 0x{at:x} has size '{sizeText}')");
            long data = at + HeaderSize;
            if (size > file.Length - data)
                throw new LinkError($"{name}: archive truncated (member at 0x{at:x} holds {size} bytes, {file.Length - data} left)");
            var bytes = file.AsSpan((int)data, (int)size).ToArray();
            switch (rawName)
            {
                case "/":
                    index = bytes;
                    break;
                case "/SYM64/":
                    index = bytes;
                    index64 = true;
                    break;
                case "//":
                    longNames = bytes;
                    break;
                default:
                    members.Add(new ArchiveMember(MemberName(name, rawName, longNames, at), at, bytes));
                    break;
            }
            at = data + size + (size & 1);
        }
        archive.Members = members;
        if (index is null)
            throw new LinkError($"{name}: archive has no index; run ranlib to add one");
        archive.Index = ReadIndex(name, index, index64, members);
        return archive;
    }

    private static string MemberName(string archive, string raw, byte[]? longNames, long at)
    {
        if (raw.Length > 1 && raw[0] == '/' && int.TryParse(raw[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            if (longNames is null || offset >= longNames.Length)
                throw new LinkError($"{archive}: malformed archive (member at 0x{at:x} names long-name offset {offset}, outside the name table)");
            int end = offset;
            while (end < longNames.Length && longNames[end] != '\n') end++;
            return Encoding.UTF8.GetString(longNames, offset, end - offset).TrimEnd('/');
        }
        return raw.EndsWith('/') ? raw[..^1] : raw;
    }

    private static List<(string, ArchiveMember)> ReadIndex(string archive, byte[] index, bool wide, List<ArchiveMember> members)
    {
        int word = wide ? 8 : 4;
        string Malformed() => $"{archive}: malformed archive index ({index.Length} bytes)";
        if (index.Length < word) throw new LinkError(Malformed());
        ulong count = wide ? BinaryPrimitives.ReadUInt64BigEndian(index) : BinaryPrimitives.ReadUInt32BigEndian(index);
        if (count > (ulong)((index.Length - word) / word)) throw new LinkError(Malformed());
        var byOffset = members.ToDictionary(m => m.HeaderOffset);
        var entries = new List<(string, ArchiveMember)>();
        int names = word + (int)count * word;
        for (int i = 0; i < (int)count; i++)
        {
            var slot = index.AsSpan(word + i * word);
            long offset = wide ? (long)BinaryPrimitives.ReadUInt64BigEndian(slot) : BinaryPrimitives.ReadUInt32BigEndian(slot);
            int end = Array.IndexOf(index, (byte)0, names);
            if (end < 0) throw new LinkError(Malformed());
            var symbol = Encoding.UTF8.GetString(index, names, end - names);
            names = end + 1;
            if (!byOffset.TryGetValue(offset, out var member))
                throw new LinkError($"{archive}: malformed archive index (symbol '{symbol}' points at 0x{offset:x}, where no member starts)");
            entries.Add((symbol, member));
        }
        return entries;
    }
}
