using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using A64Asm.Assembler;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Cli.Output;
using A64Asm.Isa.Explain;

namespace A64Asm.Cli.Commands;

/// <summary>
/// <c>a64asm explain "ldp x22, x23, [x21, #16]"</c> or <c>a64asm explain 0xa94166b8</c>: the encoding diagram
/// of one instruction, built from the instruction table (src/Isa/Explain).
/// </summary>
public sealed partial class ExplainCommand
{
    readonly Argument<string> input = new("instruction") { Description = "One instruction in assembly syntax, or a 32-bit word as 0x........" };

    public Command Build(Func<Func<int>, int> guard, TextWriter stdout)
    {
        var command = new Command("explain", "Show how one instruction is encoded, field by field") { input };
        command.SetAction(parse => guard(() => Run(parse.GetValue(input)!, stdout)));
        return command;
    }

    public static int Run(string text, TextWriter stdout)
    {
        var (word, mnemonic) = WordOf(text.Trim());
        if (!InstructionExplainer.TryExplain(word, mnemonic, out var explanation))
            throw new CliError($"0x{word:x8} is not an instruction the table allocates (.inst 0x{word:x8} ; undefined)");
        stdout.Write(ExplainText.Render(explanation));
        return 0;
    }

    [GeneratedRegex(@"^0x[0-9a-fA-F]{1,8}$")]
    private static partial Regex HexWord();

    /// <summary>A hex word as given, or the first word the assembler makes of the line (with the mnemonic written).</summary>
    internal static (uint Word, string? Mnemonic) WordOf(string text)
    {
        if (HexWord().IsMatch(text))
            return (uint.Parse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), null);
        if (text.Length == 0)
            throw new UsageError("explain: expected an instruction or a 0x word");
        var options = new AssemblerOptions { Preprocess = false };
        var obj = AsmDriver.AssembleText("<explain>", text + "\n", options, new CollectingDiagnostics());
        var textSection = obj.Sections.FirstOrDefault(s => s.Name == ".text");
        if (textSection is null || textSection.Size < 4 || textSection.Data.Length < 4)
            throw new CliError($"'{text}' is not an instruction");
        uint word = BitConverter.ToUInt32(textSection.Data, 0);
        string mnemonic = text.Split([' ', '\t'], 2)[0];
        return (word, mnemonic);
    }
}
