using System.Globalization;

namespace A64Asm.Linker;

/// <summary>What GNU ld's command line would say for a flat image: where output sections start.</summary>
public sealed class LinkerOptions
{
    // Insertion-ordered (entries are only ever added or replaced): the link map lists them in command-line order.
    private readonly Dictionary<string, ulong> _sectionStarts = new(StringComparer.Ordinal);

    /// <summary>Output section name → address, as --section-start NAME=ADDR. .text defaults to 0.</summary>
    public IReadOnlyDictionary<string, ulong> SectionStarts => _sectionStarts;

    /// <summary>ld's MAXPAGESIZE for aarch64-linux (64 KiB): the data segment starts on the next such page.</summary>
    public ulong MaxPageSize { get; init; } = 0x10000;

    /// <summary>ld's COMMONPAGESIZE for aarch64-linux (4 KiB): used to save a page in the data segment.</summary>
    public ulong CommonPageSize { get; init; } = 0x1000;

    /// <summary>--defsym NAME=EXPRESSION, in command-line order.</summary>
    public List<Defsym> Defsyms { get; } = new();

    /// <summary>--gc-sections: drop allocated sections nothing reachable from the entry symbol refers to.</summary>
    public bool GcSections { get; set; }

    /// <summary>-e SYMBOL: the entry (a --gc-sections root); null for the script's ENTRY, else _start.</summary>
    public string? Entry { get; set; }

    /// <summary>-T FILE: the script that lays the link out instead of ld's default one.</summary>
    public Script.LinkerScript? Script { get; set; }

    public ulong TextStart => _sectionStarts.TryGetValue(".text", out var a) ? a : 0;

    public LinkerOptions WithSectionStart(string section, ulong address)
    {
        _sectionStarts[section] = address;
        return this;
    }

    public static LinkerOptions Default => new();

    /// <summary>
    /// Takes one ld-style flag: "-Ttext=ADDR", "-Tdata=ADDR", "-Tbss=ADDR", "--section-start=NAME=ADDR", or
    /// "--section-start" followed by "NAME=ADDR" (then <paramref name="consumedNext"/> is true). ADDR is hex, with
    /// or without 0x, as ld reads it. Returns false for anything else; throws <see cref="LinkError"/> on a bad address.
    /// </summary>
    public bool TryParseFlag(string flag, string? next, out bool consumedNext)
    {
        consumedNext = false;
        foreach (var (prefix, section) in new[] { ("-Ttext=", ".text"), ("-Tdata=", ".data"), ("-Tbss=", ".bss") })
        {
            if (flag.StartsWith(prefix, StringComparison.Ordinal))
            {
                WithSectionStart(section, ParseAddress(flag[prefix.Length..], flag));
                return true;
            }
        }
        string? assignment = null;
        if (flag.StartsWith("--section-start=", StringComparison.Ordinal))
            assignment = flag["--section-start=".Length..];
        else if (flag == "--section-start" && next is not null)
        {
            assignment = next;
            consumedNext = true;
        }
        if (assignment is null) return false;
        var eq = assignment.LastIndexOf('=');
        if (eq <= 0) throw new LinkError($"invalid argument to option \"--section-start\": '{assignment}'");
        WithSectionStart(assignment[..eq], ParseAddress(assignment[(eq + 1)..], assignment));
        return true;
    }

    private static ulong ParseAddress(string text, string flag)
    {
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (digits.Length == 0 || !ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var address))
            throw new LinkError($"invalid hex number `{text}' in '{flag}'");
        return address;
    }
}
