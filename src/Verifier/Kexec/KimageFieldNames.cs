using System.Globalization;

namespace A64Asm.Verifier.Kexec;

/// <summary>
/// The asm-offsets.h names of the struct kimage fields the v5.15+ relocation code reads, and the two ways a user
/// gives their offsets: a header of <c>#define KIMAGE_HEAD 0x...</c> lines, or <c>NAME=OFF</c> one at a time.
/// </summary>
public static class KimageFieldNames
{
    public const string Head = "KIMAGE_HEAD";
    public const string Start = "KIMAGE_START";
    public const string DtbMem = "KIMAGE_ARCH_DTB_MEM";
    public const string El2Vectors = "KIMAGE_ARCH_EL2_VECTORS";
    public const string ZeroPage = "KIMAGE_ARCH_ZERO_PAGE";
    public const string PhysOffset = "KIMAGE_ARCH_PHYS_OFFSET";
    public const string Ttbr1 = "KIMAGE_ARCH_TTBR1";

    public static readonly IReadOnlyList<string> All = [Head, Start, DtbMem, El2Vectors, ZeroPage, PhysOffset, Ttbr1];

    /// <summary>
    /// Adds every <c>#define NAME VALUE</c> of a known name (decimal or 0x hex, a trailing comment allowed, as
    /// asm-offsets.h writes them). Other lines are ignored; a known name with a value that is not a number is an error.
    /// </summary>
    public static bool TryAddHeader(IDictionary<string, ulong> fields, string text, string path, out string error)
    {
        error = "";
        var lines = text.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            var parts = lines[n].Split((char[])[' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || parts[0] != "#define" || !All.Contains(parts[1])) continue;
            if (parts.Length > 3 && !parts[3].StartsWith("/*", StringComparison.Ordinal) && !parts[3].StartsWith("//", StringComparison.Ordinal)
                || TryParseNumber(parts[2]) is not { } value)
            {
                error = $"{path}:{n + 1}: {parts[1]} is not a plain number: '{lines[n].Trim()}'";
                return false;
            }
            fields[parts[1]] = value;
        }
        return true;
    }

    /// <summary>Adds one <c>NAME=OFF</c>; an unknown name or a bad number is an error naming the known ones.</summary>
    public static bool TryAddAssignment(IDictionary<string, ulong> fields, string assignment, out string error)
    {
        error = "";
        int eq = assignment.IndexOf('=');
        string name = eq < 0 ? assignment : assignment[..eq];
        if (!All.Contains(name))
        {
            error = $"--kimage-field: '{assignment}' names no struct kimage field (known: {string.Join(", ", All)})";
            return false;
        }
        if (eq < 0 || TryParseNumber(assignment[(eq + 1)..]) is not { } value)
        {
            error = $"--kimage-field: '{assignment}' is not {name}=OFFSET (a decimal or 0x hex number)";
            return false;
        }
        fields[name] = value;
        return true;
    }

    /// <summary>The offsets, or null with an error when one the code always needs (head, start, DTB) is missing.</summary>
    public static KimageFieldOffsets? Build(IReadOnlyDictionary<string, ulong> fields, out string error)
    {
        var missing = new[] { Head, Start, DtbMem }.Where(n => !fields.ContainsKey(n)).ToList();
        error = missing.Count == 0 ? "" : $"the kimage-struct convention needs {string.Join(", ", missing)} (--kimage-fields FILE.h or --kimage-field NAME=OFF)";
        if (missing.Count > 0) return null;
        ulong? Get(string n) => fields.TryGetValue(n, out var v) ? v : null;
        return new KimageFieldOffsets(fields[Head], fields[Start], fields[DtbMem])
        {
            El2Vectors = Get(El2Vectors), ZeroPage = Get(ZeroPage), PhysOffset = Get(PhysOffset), Ttbr1 = Get(Ttbr1),
        };
    }

    private static ulong? TryParseNumber(string text)
    {
        text = text.Trim();
        if (text.EndsWith("UL", StringComparison.OrdinalIgnoreCase)) text = text[..^2];
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return ulong.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h) ? h : null;
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
