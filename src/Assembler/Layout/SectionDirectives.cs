using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using static A64Asm.Assembler.Layout.DirectiveArguments;

namespace A64Asm.Assembler.Layout;

/// <summary>.section and .pushsection: the section named, made with the flags and type written the first time.</summary>
internal sealed class SectionDirectives(SectionTable sections, IStatementContext context)
{
    /// <summary>GNU as's subsection numbers are C ints.</summary>
    public const long MinSubsection = int.MinValue, MaxSubsection = int.MaxValue;

    /// <summary>.pushsection name[, subsection][, flags...]: the subsection, when given, comes before the flags.</summary>
    public void Push(ParsedLine line, DirectiveStatement d)
    {
        bool numbered = d.Arguments.Count > 1 && d.Arguments[1] is ExprOperandSyntax;
        long subsection = numbered ? Subsection(line, d, 1, last: false) : 0;
        sections.Push(FromArguments(line, d, numbered ? 2 : 1), subsection, line.At(d.Index));
    }

    /// <summary>.bss takes no subsection in GNU as (ELF): anything after it is junk there.</summary>
    public long NoSubsection(ParsedLine line, DirectiveStatement d)
    {
        if (d.RawArguments.Trim().Length > 0)
        {
            int at = d.Arguments.Count > 0 ? d.Arguments[0].Index : d.Index;
            throw new AsmError(line.At(at), $"junk at end of line, first unrecognized character is '{d.RawArguments.Trim()[0]}'");
        }
        return 0;
    }

    /// <summary>The subsection number at argument <paramref name="index"/> (0 when there is none).</summary>
    /// <param name="last">Whether nothing may follow it (.text N, .subsection N).</param>
    public long Subsection(ParsedLine line, DirectiveStatement d, int index, bool last = true)
    {
        if (OptionalExprArgument(line, d, index) is not { } expr)
            return 0;
        if (last && d.Arguments.Count > index + 1)
            throw new AsmError(line.At(d.Arguments[index + 1].Index), $"{d.Name} takes one subsection number");
        long number = ExpressionEvaluator.EvaluateAbsolute(expr, context, line.Line);
        if (number is < MinSubsection or > MaxSubsection)
            throw new AsmError(line.At(expr.Index), $"subsection number {number} is outside {MinSubsection}..{MaxSubsection}");
        return number;
    }

    /// <summary>The section a .section or .pushsection names; its flags, type and entry size the first time it is named.</summary>
    /// <param name="flagsAt">The argument holding the flags string (after .pushsection's subsection number: 2).</param>
    public AsmSection FromArguments(ParsedLine line, DirectiveStatement d, int flagsAt = 1)
    {
        string name = SectionName(line, d);
        bool existed = sections.Contains(name);
        var section = sections.GetOrCreate(name);
        if (existed || !context.FirstPass || d.Arguments.Count < flagsAt + 1)
            return section;
        if (d.Arguments[flagsAt] is not StringOperandSyntax flagText)
            throw new AsmError(line.At(d.Arguments[flagsAt].Index), "expected a flags string such as \"ax\"");
        var flags = SectionFlags.None;
        foreach (char c in System.Text.Encoding.ASCII.GetString(flagText.Bytes))
        {
            flags |= c switch
            {
                'a' => SectionFlags.Alloc, 'w' => SectionFlags.Write, 'x' => SectionFlags.Exec,
                'M' => SectionFlags.Merge, 'S' => SectionFlags.Strings, 'G' => SectionFlags.Group, 'T' => SectionFlags.Tls,
                _ => throw new AsmError(line.At(flagText.Index), $"unknown section flag '{c}'"),
            };
        }
        section.Flags = flags;
        if (d.Arguments.Count > flagsAt + 1 && d.Arguments[flagsAt + 1] is TypeOperandSyntax type)
        {
            section.Kind = type.Name switch
            {
                "progbits" => SectionKind.ProgBits,
                "nobits" => SectionKind.NoBits,
                "note" => SectionKind.Note,
                "init_array" => SectionKind.InitArray,
                "fini_array" => SectionKind.FiniArray,
                _ => throw new AsmError(line.At(type.Index), $"unknown section type '{type.Name}'"),
            };
        }
        if ((flags & SectionFlags.Merge) != 0 && OptionalExprArgument(line, d, flagsAt + 2) is { } entrySize)
            section.EntrySize = ExpressionEvaluator.EvaluateAbsolute(entrySize, context, line.Line);
        return section;
    }

    // Section names may hold characters that are operators in expressions (.note.GNU-stack), so take the raw text.
    private static string SectionName(ParsedLine line, DirectiveStatement d)
    {
        if (d.Arguments.Count > 0 && d.Arguments[0] is StringOperandSyntax)
            return NameArgument(line, d, 0);
        int comma = d.RawArguments.IndexOf(',');
        string name = (comma < 0 ? d.RawArguments : d.RawArguments[..comma]).Trim();
        if (name.Length == 0)
            throw new AsmError(line.At(d.Index), $"{d.Name} expects a section name");
        return name;
    }
}
