namespace A64Asm.Linker.Output;

/// <summary>
/// What <c>objcopy -O binary -j NAME [-j NAME]...</c> writes from a linked image: the named sections' bytes at their
/// linked addresses, from the lowest chosen section to the end of the highest, gaps zero-filled. Sections without
/// contents in the file (NOBITS) add nothing, as in objcopy. Symbols keep their addresses.
/// </summary>
public static class SectionSelection
{
    /// <summary>
    /// The image cut down to <paramref name="names"/>. A name the image has no section for is a
    /// <see cref="LinkError"/>: objcopy would silently write an empty file, which a kexec build never wants.
    /// </summary>
    public static LinkedImage Only(LinkedImage image, IReadOnlyList<string> names)
    {
        var chosen = new List<LinkedSection>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var section = image.Sections.FirstOrDefault(s => s.Name == name)
                ?? throw new LinkError($"-j {name}: the image has no section '{name}' (it has {string.Join(", ", image.Sections.Select(s => s.Name))})");
            chosen.Add(section);
        }
        var loaded = chosen.Where(s => !s.IsNoBits && s.Size > 0).ToList();
        if (loaded.Count == 0)
            return new LinkedImage(chosen.Count > 0 ? chosen.Min(s => s.Address) : image.BaseAddress, [], image.Symbols, chosen) { BigEndian = image.BigEndian };
        ulong start = loaded.Min(s => s.Address), end = loaded.Max(s => s.End);
        var flat = new byte[end - start];
        foreach (var s in loaded)
        {
            // Every PROGBITS section lies inside the full flat image, so its bytes are a slice of it.
            if (!image.TryRead(s.Address, (int)s.Size, out var bytes))
                throw new LinkError($"-j {s.Name}: section at 0x{s.Address:x} is not inside the image's contents");
            bytes.CopyTo(flat.AsSpan((int)(s.Address - start)));
        }
        return new LinkedImage(start, flat, image.Symbols, chosen.OrderBy(s => s.Address).ToList()) { BigEndian = image.BigEndian };
    }
}
