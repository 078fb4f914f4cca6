using A64Asm.Assembler.Diagnostics;
using System.CommandLine;
using System.Globalization;
using A64Asm.Cli.Output;

namespace A64Asm.Cli.Commands;

/// <summary>
/// <c>a64asm disasm FILE [--base ADDR]</c>: an objdump-like listing of a flat binary (every word decoded, as
/// objdump -D -b binary does) or of an AArch64 ELF file's executable sections with symbols and relocations.
/// </summary>
public sealed class DisasmCommand
{
    readonly Argument<string> input = new("file") { Description = "A flat binary image, or an ELF relocatable object or executable" };
    readonly Option<string?> baseAddress = new("--base") { Description = "Address of the first byte of a flat binary (default 0; hex with 0x)" };

    /// <param name="guard">Runs the action, turning user errors into a message and status 1 (App.Guard).</param>
    public Command Build(Func<Func<int>, int> guard, TextWriter stdout)
    {
        var command = new Command("disasm", "Disassemble a flat binary or an ELF file, objdump -d style") { input, baseAddress };
        command.SetAction(parse => guard(() => Run(parse.GetValue(input)!, parse.GetValue(baseAddress), stdout)));
        return command;
    }

    public static int Run(string path, string? baseText, TextWriter stdout)
    {
        ulong? at = baseText is null ? null : ParseAddress(baseText);
        if (!File.Exists(path))
            throw new CliError($"{path}: No such file or directory");
        byte[] bytes = SourceFiles.ReadInput(path, SourceFiles.MaxFileBytes);
        DisasmFile file;
        if (DisasmElfReader.IsElf(bytes))
        {
            if (at is not null)
                throw new CliError("--base applies to flat binaries; an ELF file has its own addresses");
            file = DisasmElfReader.Read(path, bytes);
        }
        else
        {
            // objdump -b binary calls the whole file .data; the listing keeps its name.
            var section = new DisasmSection(".data", at ?? 0, bytes, [], [], []);
            file = new DisasmFile(path, "binary", false, [section]);
        }
        DisasmListing.Write(file, stdout);
        return 0;
    }

    static ulong ParseAddress(string text) =>
        TryParseBase(text, out ulong v) ? v : throw new UsageError($"--base: '{text}' is not a word-aligned address");

    /// <summary>A flat binary's base address: decimal or 0x hex, a multiple of 4 (for the command and for serve).</summary>
    internal static bool TryParseBase(string text, out ulong v)
    {
        string t = text.Trim();
        bool ok = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out v)
            : ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v);
        return ok && (v & 3) == 0;
    }
}
