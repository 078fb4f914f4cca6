using A64Asm.Linker;
using A64Asm.Linker.Kexec;
using Spectre.Console;

namespace A64Asm.Cli.Output;

/// <summary>The kexec patch offsets a reviewer checks, as a table (plain text when not on a terminal).</summary>
public static class OffsetsTable
{
    public static void Print(KexecOffsets offsets, string imagePath, LinkedImage image, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = writer == Console.Out && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (writer != Console.Out || Console.IsOutputRedirected)
            console.Profile.Width = 120; // a log or a pipe: don't wrap the meanings at the 80-column default
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("symbol").AddColumn(new TableColumn("value").RightAligned()).AddColumn("meaning");
        foreach (var v in offsets.Values)
            table.AddRow(Markup.Escape(v.Symbol), $"0x{v.Value:x}", Markup.Escape(Meaning(v.Symbol)));
        console.WriteLine($"{imagePath}: {image.Flat.Length} bytes, first byte at 0x{image.BaseAddress:x}");
        if (offsets.Values.Count > 0)
            console.Write(table);
        if (offsets.ControlCode is { } code)
            console.WriteLine($"control-page code: 0x{code.Size:x} bytes at file offset 0x{code.Offset:x}, marked by {KexecControlCode.MarkName(code.Mark)}");
        foreach (var slot in offsets.PatchSlots)
            console.WriteLine($"patched by symbol: {slot.Role} at +0x{slot.Offset:x} in the control code");
    }

    static string Meaning(string symbol) => symbol switch
    {
        "arm64_relocate_new_kernel_size" => "bytes machine_kexec copies into the control page",
        "arm64_kexec_kimage_start_offset" => "where machine_kexec writes kimage->start",
        "arm64_kexec_kimage_head_offset" => "where machine_kexec writes kimage->head",
        "arm64_kexec_dtb_addr_offset" => "where machine_kexec writes the DTB address",
        _ => "",
    };
}
