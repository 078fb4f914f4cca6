using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Layout.Debug;

/// <summary>
/// .file N "name" and .loc FILE LINE [COLUMN] [options], in GNU as's words where it refuses them. Their operands
/// are separated by blanks; each number is an absolute expression without blanks. DWARF 5's forms (.file 0,
/// .file N "dir" "name", md5 checksums) make a DWARF 5 table. Only the emitting pass records.
/// </summary>
internal sealed class LineDirectives(LineTable table, SectionTable sections, Func<SourceLine, int, string, long> evaluate,
    Func<bool> emitting)
{
    /// <summary>The largest file number .file takes (GNU as allocates a table up to the number given).</summary>
    public const int MaxFileNumber = 65535;
    /// <summary>The largest line, column, ISA or discriminator: GNU as keeps them in 32 bits, line steps signed.</summary>
    public const long MaxLineNumber = int.MaxValue;

    /// <summary>.file N "name", .file N "dir" "name" (DWARF 5) (false: the .file "name" form, which names the
    /// STT_FILE symbol).</summary>
    public bool File(ParsedLine line, DirectiveStatement d)
    {
        var args = new RawArgumentReader(line, d);
        if (args.AtString)
            return false;
        if (!emitting())
            return true;
        var (numberText, numberAt) = args.Word() ?? throw args.ErrorHere("missing string");
        long number = evaluate(line.Line, numberAt, numberText);
        string name = args.String() ?? throw args.ErrorHere("missing string");
        string? directory = null;
        // GNU as reads a directory before the name from DWARF 5 on, which a .file 0 selects.
        if (args.AtString && (number == 0 || table.Dwarf5))
        {
            directory = name;
            name = args.String()!;
        }
        UInt128? md5 = null;
        // GNU as reads a checksum only in a DWARF 5 table; before one, "md5" is junk at the end of the line.
        if (table.Dwarf5 || number == 0)
        {
            if (args.Word() is ("md5", _))
                md5 = Md5Checksum(args, line);
            else
                args.Back();
        }
        args.ExpectEnd();
        if (number < 0)
            throw new AsmError(line.At(numberAt), "file number less than one");
        if (number > MaxFileNumber)
            throw new AsmError(line.At(numberAt), $"file number {number} is too big (at most {MaxFileNumber})");
        table.TakeOverFromInput();
        if (number == 0)
            table.Dwarf5 = true;
        string given = directory is null ? name : directory + "/" + name;
        if (number != 0 && table.Files.GivenName((int)number) is { } earlier
            && (earlier != given || md5 is not null && md5 != (table.Files.GivenMd5((int)number) ?? 0)))
            throw new AsmError(line.At(numberAt),
                $"file table slot {number} is already occupied by a different file ({table.Files.OccupantName((int)number)} vs {given})");
        table.Files.Assign((int)number, name, directory, md5);
        return true;
    }

    /// <summary>The value after md5: a number wider than 64 bits (GNU as refuses a narrower one, whatever its value),
    /// of which the low 128 bits are kept.</summary>
    private static UInt128 Md5Checksum(RawArgumentReader args, ParsedLine line)
    {
        var (text, at) = args.Word() ?? throw args.ErrorHere("md5 value too small or not a constant");
        if (!Md5Literal(text, out var value) || value <= ulong.MaxValue)
            throw new AsmError(line.At(at), "md5 value too small or not a constant");
        return (UInt128)(value & ((System.Numerics.BigInteger.One << 128) - 1));
    }

    private static bool Md5Literal(string text, out System.Numerics.BigInteger value)
    {
        value = 0;
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        string digits = hex ? text[2..] : text;
        if (digits.Length == 0)
            return false;
        foreach (char c in digits)
        {
            int digit = char.IsAsciiDigit(c) ? c - '0' : hex && char.IsAsciiHexDigit(c) ? (c | 0x20) - 'a' + 10 : -1;
            if (digit < 0)
                return false;
            value = value * (hex ? 16 : 10) + digit;
        }
        return true;
    }

    /// <summary>.loc FILE LINE [COLUMN] [is_stmt V] [isa V] [discriminator V] [basic_block] [prologue_end] [epilogue_begin].</summary>
    public void Loc(ParsedLine line, DirectiveStatement d)
    {
        if (!emitting())
            return;
        var args = new RawArgumentReader(line, d);
        long file = Number(args, line, "file number");
        long number = Number(args, line, "line number");
        if (file < (table.Dwarf5 ? 0 : 1))
            throw args.ErrorAtDirective("file number less than one");
        if (file > MaxFileNumber || !table.Files.IsAssigned((int)file))
            throw args.ErrorAtDirective($"unassigned file number {file}");
        var location = table.Current with { File = (int)file, Line = number, Discriminator = 0 };
        if (args.StartsNumber)
            location = location with { Column = Number(args, line, "column number") };
        var flags = location.Flags;
        LineView? view = null;
        while (args.Word() is var (option, at))
        {
            switch (option)
            {
                case "basic_block": flags |= LineFlags.BasicBlock; break;
                case "prologue_end": flags |= LineFlags.PrologueEnd; break;
                case "epilogue_begin": flags |= LineFlags.EpilogueBegin; break;
                case "is_stmt":
                    long stmt = Number(args, line, "is_stmt value");
                    if (stmt is not (0 or 1))
                        throw new AsmError(line.At(at), "is_stmt value not 0 or 1");
                    flags = stmt == 1 ? flags | LineFlags.IsStmt : flags & ~LineFlags.IsStmt;
                    break;
                case "isa":
                    location = location with { Isa = Number(args, line, "isa number") };
                    break;
                case "discriminator":
                    location = location with { Discriminator = Number(args, line, "discriminator") };
                    break;
                case "view":
                    view = View(args, line, at);
                    break;
                default:
                    throw new AsmError(line.At(at), $"unknown .loc sub-directive `{option}'");
            }
        }
        table.Loc(location with { Flags = flags }, sections.Current, line.Line, view);
    }

    // `view 0` states that the row is the first at its address, `view -0` makes it so, `view SYMBOL` names its number.
    private static LineView View(RawArgumentReader args, ParsedLine line, int optionAt)
    {
        var (text, at) = args.Word() ?? throw args.ErrorHere("missing view");
        if (text is "0" or "-0")
            return new LineView(null, Reset: text == "-0", line.At(at));
        if (text.Length > 0 && (char.IsLetter(text[0]) || text[0] is '.' or '_' or '$') && text.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '$'))
            return new LineView(text, Reset: false, line.At(at));
        throw new AsmError(line.At(at), $"view operand `{text}' is not 0, -0 or a symbol name");
    }

    /// <summary>.loc_mark_labels 0|1.</summary>
    public void MarkLabels(ParsedLine line, DirectiveStatement d)
    {
        var args = new RawArgumentReader(line, d);
        var (text, at) = args.Word() ?? throw args.ErrorHere("expected 0 or 1");
        long value = evaluate(line.Line, at, text);
        args.ExpectEnd();
        if (value is not (0 or 1))
            throw new AsmError(line.At(at), "expected 0 or 1");
        table.MarkLabels = value == 1;
    }

    // A number operand: GNU as's "less than zero" wording below 0, and a64asm's 32-bit bound above.
    private long Number(RawArgumentReader args, ParsedLine line, string what)
    {
        var (text, at) = args.Word() ?? throw args.ErrorHere($"missing {what}");
        long value = evaluate(line.Line, at, text);
        if (value < 0)
            throw new AsmError(line.At(at), $"{what} less than zero");
        if (value > MaxLineNumber)
            throw new AsmError(line.At(at), $"{what} {value} is too big (at most {MaxLineNumber})");
        return value;
    }
}
