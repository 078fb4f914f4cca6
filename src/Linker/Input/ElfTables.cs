using System.Buffers.Binary;

namespace A64Asm.Linker.Input;

/// <summary>
/// Checks, before ELFSharp reads a file, that its section and program header tables have ELF64's entry sizes and lie
/// inside the file. ELFSharp trusts those fields: a forged count (e_shnum 0 with the real count taken from section 0,
/// e_phnum with e_phentsize 0) made it loop for minutes over entries that are not there.
/// </summary>
public static class ElfTables
{
    const int HeaderSize = 64, SectionHeaderSize = 64, ProgramHeaderSize = 56;

    /// <summary>What is wrong with the tables of an ELF64 file, or null when they fit (other classes are left to the reader).</summary>
    public static string? Problem(ReadOnlySpan<byte> file)
    {
        if (file.Length < HeaderSize || file[4] != 2)
            return null;
        bool big = file[5] == 2;
        ulong shoff = U64(file[0x28..], big), phoff = U64(file[0x20..], big);
        int shentsize = U16(file[0x3a..], big), shnum = U16(file[0x3c..], big);
        int phentsize = U16(file[0x36..], big), phnum = U16(file[0x38..], big);
        ulong length = (ulong)file.Length;
        if (shoff != 0)
        {
            if (shentsize != SectionHeaderSize)
                return $"section header entries of {shentsize} bytes, not {SectionHeaderSize}";
            // e_shnum 0 with a table present: the count is section 0's sh_size (ELF's extended numbering).
            ulong count = shnum != 0 ? (ulong)shnum
                : shoff <= length - SectionHeaderSize ? U64(file[((int)shoff + 32)..], big) : ulong.MaxValue;
            if (shoff > length || count > (length - shoff) / SectionHeaderSize)
                return $"section header table (0x{shoff:x}, {(count == ulong.MaxValue ? "?" : count.ToString())} entries) is not inside the {length}-byte file";
            if (SectionOutsideFile(file, (int)shoff, (int)count, big) is { } outside)
                return outside;
        }
        if (phnum != 0)
        {
            if (phentsize != ProgramHeaderSize)
                return $"program header entries of {phentsize} bytes, not {ProgramHeaderSize}";
            if (phoff > length || (ulong)phnum > (length - phoff) / ProgramHeaderSize)
                return $"program header table (0x{phoff:x}, {phnum} entries) is not inside the {length}-byte file";
        }
        return null;
    }

    // The reader allocates a section's sh_size bytes before it finds the file too short: a forged size in a
    // 1 KiB object asked for 2 GiB.
    static string? SectionOutsideFile(ReadOnlySpan<byte> file, int shoff, int count, bool big)
    {
        const uint ShtNull = 0, ShtNoBits = 8;
        ulong length = (ulong)file.Length;
        for (int i = 1; i < count; i++)
        {
            var header = file.Slice(shoff + i * SectionHeaderSize, SectionHeaderSize);
            uint type = U32(header[4..], big);
            if (type is ShtNull or ShtNoBits) continue;
            ulong offset = U64(header[0x18..], big), size = U64(header[0x20..], big);
            if (offset > length || size > length - offset)
                return $"section [{i}] (0x{size:x} bytes at 0x{offset:x}) is not inside the {length}-byte file";
        }
        return null;
    }

    static uint U32(ReadOnlySpan<byte> at, bool big) => big ? BinaryPrimitives.ReadUInt32BigEndian(at) : BinaryPrimitives.ReadUInt32LittleEndian(at);
    static ulong U64(ReadOnlySpan<byte> at, bool big) => big ? BinaryPrimitives.ReadUInt64BigEndian(at) : BinaryPrimitives.ReadUInt64LittleEndian(at);
    static int U16(ReadOnlySpan<byte> at, bool big) => big ? BinaryPrimitives.ReadUInt16BigEndian(at) : BinaryPrimitives.ReadUInt16LittleEndian(at);
}
