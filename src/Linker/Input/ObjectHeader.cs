using System.Buffers.Binary;

namespace A64Asm.Linker.Input;

/// <summary>
/// Checks an input's ELF header, and that every section's contents lie inside the file, before anything else reads
/// it: each way an object can be unfit for an AArch64 link (cut short, another machine, ELF32, not relocatable) gets
/// its own sentence, where a reader's exception would only say that something failed.
/// </summary>
public static class ObjectHeader
{
    public const int Size = 64;
    const ushort EmAArch64 = 183;

    /// <summary>What makes <paramref name="file"/> unfit to link, in words for "FILE: ...", or null when its header is an
    /// AArch64 relocatable object's and its sections' contents are all in the file.</summary>
    public static string? Problem(ReadOnlySpan<byte> file)
    {
        if (file.Length < 4 || file[0] != 0x7f || file[1] != (byte)'E' || file[2] != (byte)'L' || file[3] != (byte)'F')
            return "file format not recognized";
        if (file.Length > 4 && file[4] == 1)
            return "ELFCLASS32 object: a64asm links ELF64 AArch64 objects (elf64-littleaarch64, elf64-bigaarch64)";
        if (file.Length > 4 && file[4] != 2)
            return $"unknown ELF class {file[4]}";
        if (file.Length < Size)
            return $"file truncated ({file.Length} bytes, shorter than the {Size}-byte ELF64 header)";
        if (file[5] is not (1 or 2))
            return $"unknown ELF data encoding {file[5]}";
        bool big = file[5] == 2;
        ushort machine = U16(file[18..], big);
        if (machine != EmAArch64)
            return $"object for machine {MachineName(machine)}, not AArch64 (EM_AARCH64, 183)";
        ushort type = U16(file[16..], big);
        if (type != 1)
            return $"not a relocatable object (e_type {TypeName(type)})";
        // The tables and every section's bytes inside the file (ElfTables, shared with disasm).
        return ElfTables.Problem(file) is { } tables ? $"malformed ELF object ({tables})" : null;
    }

    static string MachineName(ushort machine) => machine switch
    {
        3 => "EM_386 (3)",
        40 => "EM_ARM (40)",
        62 => "EM_X86_64 (62)",
        243 => "EM_RISCV (243)",
        _ => $"{machine}",
    };

    static string TypeName(ushort type) => type switch
    {
        0 => "ET_NONE",
        2 => "ET_EXEC, an executable",
        3 => "ET_DYN, a shared object",
        4 => "ET_CORE, a core file",
        _ => $"{type}",
    };

    static ushort U16(ReadOnlySpan<byte> at, bool big) => big ? BinaryPrimitives.ReadUInt16BigEndian(at) : BinaryPrimitives.ReadUInt16LittleEndian(at);
    static ulong U64(ReadOnlySpan<byte> at, bool big) => big ? BinaryPrimitives.ReadUInt64BigEndian(at) : BinaryPrimitives.ReadUInt64LittleEndian(at);
}
