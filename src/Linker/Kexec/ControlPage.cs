namespace A64Asm.Linker.Kexec;

/// <summary>
/// What <c>--control-page</c> writes: exactly the bytes machine_kexec copies into the control page (the range
/// <see cref="KexecControlCode.TryFind(LinkedImage, LinkedImage, out KexecControlCode)"/> finds), refused when they
/// would not fit in it.
/// </summary>
public static class ControlPage
{
    /// <summary>arm64's KEXEC_CONTROL_PAGE_SIZE: machine_kexec refuses (BUG_ON) control code larger than this.</summary>
    public const ulong Size = 4096;

    /// <summary>The control code of <paramref name="file"/> (the image as written, after -j) as an image of its own:
    /// its first byte at the code's address, the sections inside it kept, so that offsets computed from it are from the
    /// control page's first byte.</summary>
    public static LinkedImage Cut(LinkedImage link, LinkedImage file)
    {
        if (!KexecControlCode.TryFind(link, file, out var code))
            throw new LinkError($"--control-page: the image marks no control code (no {KexecControlCode.StartSymbol}/{KexecControlCode.EndSymbol}, "
                + $"no {KexecControlCode.EntrySymbol} with {KexecControlCode.SizeSymbol}, no {KexecControlCode.SectionName} section)");
        if (code.Size > Size)
            throw new LinkError($"--control-page: the control code marked by {KexecControlCode.MarkName(code.Mark)} is {code.Size} bytes, "
                + $"{code.Size - Size} bytes more than KEXEC_CONTROL_PAGE_SIZE ({Size})");
        ulong start = file.BaseAddress + code.Offset, end = start + code.Size;
        var bytes = file.Flat.AsSpan((int)code.Offset, (int)code.Size).ToArray();
        var inside = file.Sections.Where(s => s.Address >= start && s.End <= end).ToList();
        return new LinkedImage(start, bytes, link.Symbols, inside) { BigEndian = link.BigEndian };
    }
}
