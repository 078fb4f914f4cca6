using System.Buffers.Binary;

namespace A64Asm.Linker.Input;

/// <summary>What a reader of an ELF file is about to do with it, in the words its messages use.</summary>
public sealed record ElfPurpose(string Noun, string Verb)
{
    public static readonly ElfPurpose Linker = new("object", "links");
    public static readonly ElfPurpose Disassembler = new("file", "disassembles");
}

/// <summary>
/// The ELF header checks every reader of an ELF file runs before ELFSharp sees it: ELFSharp trusts the identification
/// bytes (an ELF32 header with a forged e_shoff made it loop for minutes), so the class, byte order, machine and the
/// tables' places are checked here, each with its own sentence.
/// </summary>
public static class ElfHeader
{
    public const int Size = 64;
    const ushort EmAArch64 = 183;

    /// <summary>What makes <paramref name="file"/> no AArch64 ELF64 file whose tables lie inside it, in words for
    /// "FILE: ...", or null.</summary>
    public static string? Problem(ReadOnlySpan<byte> file, ElfPurpose purpose)
    {
        if (file.Length < 4 || file[0] != 0x7f || file[1] != (byte)'E' || file[2] != (byte)'L' || file[3] != (byte)'F')
            return "file format not recognized";
        if (file.Length > 4 && file[4] == 1)
            return $"ELFCLASS32 {purpose.Noun}: a64asm {purpose.Verb} ELF64 AArch64 {purpose.Noun}s (elf64-littleaarch64, elf64-bigaarch64)";
        if (file.Length > 4 && file[4] != 2)
            return $"unknown ELF class {file[4]}";
        if (file.Length < Size)
            return $"file truncated ({file.Length} bytes, shorter than the {Size}-byte ELF64 header)";
        if (file[5] is not (1 or 2))
            return $"unknown ELF data encoding {file[5]}";
        ushort machine = Type(file, 18);
        if (machine != EmAArch64)
            return $"{purpose.Noun} for machine {MachineName(machine)}, not AArch64 (EM_AARCH64, 183)";
        return ElfTables.Problem(file) is { } tables ? $"malformed ELF {purpose.Noun} ({tables})" : null;
    }

    /// <summary>e_type, or another 16-bit header field at <paramref name="offset"/>, in the file's byte order.</summary>
    public static ushort Type(ReadOnlySpan<byte> file, int offset = 16) =>
        file[5] == 2 ? BinaryPrimitives.ReadUInt16BigEndian(file[offset..]) : BinaryPrimitives.ReadUInt16LittleEndian(file[offset..]);

    static string MachineName(ushort machine) => machine switch
    {
        3 => "EM_386 (3)",
        40 => "EM_ARM (40)",
        62 => "EM_X86_64 (62)",
        243 => "EM_RISCV (243)",
        _ => $"{machine}",
    };
}
