namespace A64Asm.Linker.Input;

/// <summary>
/// Checks an input's ELF header, and that every section's contents lie inside the file, before anything else reads
/// it: each way an object can be unfit for an AArch64 link (cut short, another machine, ELF32, not relocatable) gets
/// its own sentence, where a reader's exception would only say that something failed.
/// </summary>
public static class ObjectHeader
{
    /// <summary>What makes <paramref name="file"/> unfit to link, in words for "FILE: ...", or null when its header is an
    /// AArch64 relocatable object's and its sections' contents are all in the file.</summary>
    public static string? Problem(ReadOnlySpan<byte> file)
    {
        if (ElfHeader.Problem(file, ElfPurpose.Linker) is { } header)
            return header;
        ushort type = ElfHeader.Type(file);
        return type == 1 ? null : $"not a relocatable object (e_type {TypeName(type)})";
    }

    static string TypeName(ushort type) => type switch
    {
        0 => "ET_NONE",
        2 => "ET_EXEC, an executable",
        3 => "ET_DYN, a shared object",
        4 => "ET_CORE, a core file",
        _ => $"{type}",
    };
}
