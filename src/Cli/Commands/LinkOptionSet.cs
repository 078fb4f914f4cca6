using System.CommandLine;
using A64Asm.Cli.Output;

namespace A64Asm.Cli.Commands;

/// <summary>
/// The options that lay a link out and say what it writes, shared by <c>a64asm link</c> and the assembling command
/// (<c>a64asm FILE.S -o x.bin</c>, which links its one object): -T, -e, --gc-sections, -Map, --format, -j,
/// --control-page and --offsets. Declared once and read by <see cref="Read"/> into a <see cref="LinkRequest"/>, so both
/// commands take them with the same meaning, the same bytes and the same messages. Placement (-Ttext=, --section-start)
/// is ld's spelling, taken out of argv by App for both commands.
/// </summary>
public sealed class LinkOptionSet
{
    public readonly Option<string?> Format = new("--format") { HelpName = "binary|elf", Description = "binary: the flat image, as objcopy -O binary (default); elf: an ELF executable" };
    public readonly Option<string[]> Only = new("-j", "--only-section") { HelpName = "NAME", Description = "Write only this section's linked bytes, as objcopy -O binary -j NAME (repeatable)" };
    public readonly Option<string?> Entry = new("-e", "--entry") { HelpName = "SYMBOL", Description = "Entry point of the ELF output (default _start, else the start of .text)" };
    public readonly Option<string?> Offsets = new("--offsets") { HelpName = "FILE", Description = "Write the kexec offsets to FILE (.json or .h)" };
    public readonly Option<string?> Map = new("-Map", "--Map") { HelpName = "FILE", Description = "Write a link map to FILE, in ld's layout" };
    public readonly Option<string?> Script = new("-T", "--script") { HelpName = "FILE", Description = "Lay the link out by a linker script (SECTIONS, ALIGN, KEEP, /DISCARD/, assignments)" };
    public readonly Option<bool> GcSections = new("--gc-sections") { Description = "Drop sections nothing reachable from the entry symbol refers to, as ld --gc-sections" };
    public readonly Option<bool> ControlPage = new("--control-page") { Description = "Write only the bytes machine_kexec copies into the control page (refused past KEXEC_CONTROL_PAGE_SIZE, 4096)" };

    public IEnumerable<Option> All => [Format, Only, Entry, Offsets, Map, Script, ControlPage, GcSections];

    /// <summary>-c stops before the link: an option that only a link can honour is refused rather than ignored.</summary>
    public void RefuseWithoutLink(ParseResult parse)
    {
        var given = new (bool Given, string Option, string Does)[]
        {
            ((parse.GetValue(Only) ?? []).Length > 0, "-j/--only-section", "selects sections of the linked image"),
            (parse.GetValue(Offsets) is not null, "--offsets", "reports the linked image"),
            (parse.GetValue(Format) is not null, "--format", "chooses the linked image's format"),
            (parse.GetValue(Entry) is not null, "-e/--entry", "names the linked image's entry"),
            (parse.GetValue(Map) is not null, "-Map", "writes the link map"),
            (parse.GetValue(Script) is not null, "-T/--script", "lays out the link"),
            (parse.GetValue(GcSections), "--gc-sections", "drops sections from the link"),
            (parse.GetValue(ControlPage), "--control-page", "cuts the control code from the linked image"),
        };
        foreach (var (isGiven, option, does) in given)
            if (isGiven)
                throw new UsageError($"{option} {does}; it does not apply to -c");
    }

    /// <summary>The options read and checked against each other, before any file is touched.</summary>
    public LinkRequest Read(ParseResult parse)
    {
        bool elf = parse.GetValue(Format) switch
        {
            null or "binary" => false,
            "elf" => true,
            var other => OptionValues.OneOf("--format", other, "binary", "elf") == "elf",
        };
        string[] sections = parse.GetValue(Only) ?? [];
        if (elf && sections.Length > 0)
            throw new UsageError("-j applies to the flat image; --format elf writes every section");
        bool controlPage = parse.GetValue(ControlPage);
        if (elf && controlPage)
            throw new UsageError("--control-page writes the control code's bytes; --format elf writes an executable");
        return new LinkRequest(elf, sections, controlPage, parse.GetValue(Entry), parse.GetValue(Offsets),
            parse.GetValue(Map), parse.GetValue(Script), parse.GetValue(GcSections));
    }
}
