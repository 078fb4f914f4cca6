using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// The .cfi_* directives: each records an operation into the open frame description of the current section (as
/// GNU as, every section has its own, so a .pushsection inside a function may open another). Only the emitting
/// pass records, when every '.' is final; the frames become .eh_frame (and .debug_frame) at the end.
/// </summary>
internal sealed class CallFrameDirectives(SectionTable sections, IStatementContext context, Func<bool> emitting)
{
    private readonly Dictionary<AsmSection, FrameDescription> _open = new(ReferenceEqualityComparer.Instance);

    /// <summary>Every frame in .cfi_startproc order, which is the order of their FDEs.</summary>
    public List<FrameDescription> Frames { get; } = new();

    /// <summary>.cfi_sections: which tables the frames go to.</summary>
    public bool EhFrame { get; private set; } = true;
    public bool DebugFrame { get; private set; }

    public void Run(ParsedLine line, DirectiveStatement d)
    {
        if (!emitting())
            return;
        switch (d.Name)
        {
            case ".cfi_sections": Sections(line, d); return;
            case ".cfi_startproc": StartProc(line, d); return;
            case ".cfi_endproc": EndProc(line, d); return;
        }
        var frame = OpenFrame(line, d);
        switch (d.Name)
        {
            case ".cfi_def_cfa":
                Expect(line, d, 2);
                frame.CfaOffset = Number(line, d, 1);
                Add(frame, new CfiInstruction(CfiOp.DefCfa, Register(line, d, 0), frame.CfaOffset));
                return;
            case ".cfi_def_cfa_register":
                Expect(line, d, 1);
                Add(frame, new CfiInstruction(CfiOp.DefCfaRegister, Register(line, d, 0)));
                return;
            case ".cfi_def_cfa_offset":
                Expect(line, d, 1);
                frame.CfaOffset = Number(line, d, 0);
                Add(frame, new CfiInstruction(CfiOp.DefCfaOffset, Value: frame.CfaOffset));
                return;
            case ".cfi_adjust_cfa_offset":
                Expect(line, d, 1);
                frame.CfaOffset += Number(line, d, 0);
                Add(frame, new CfiInstruction(CfiOp.DefCfaOffset, Value: frame.CfaOffset));
                return;
            case ".cfi_offset":
                Expect(line, d, 2);
                Add(frame, new CfiInstruction(CfiOp.Offset, Register(line, d, 0), SaveOffset(line, d, 1)));
                return;
            case ".cfi_rel_offset":
                Expect(line, d, 2);
                Add(frame, new CfiInstruction(CfiOp.Offset, Register(line, d, 0), SaveOffset(line, d, 1) - frame.CfaOffset));
                return;
            case ".cfi_val_offset":
                Expect(line, d, 2);
                Add(frame, new CfiInstruction(CfiOp.ValOffset, Register(line, d, 0), SaveOffset(line, d, 1)));
                return;
            case ".cfi_register":
                Expect(line, d, 2);
                Add(frame, new CfiInstruction(CfiOp.Register, Register(line, d, 0), Register2: Register(line, d, 1)));
                return;
            case ".cfi_restore": EachRegister(line, d, frame, CfiOp.Restore); return;
            case ".cfi_undefined": EachRegister(line, d, frame, CfiOp.Undefined); return;
            case ".cfi_same_value": EachRegister(line, d, frame, CfiOp.SameValue); return;
            case ".cfi_remember_state":
                Expect(line, d, 0);
                frame.RememberedCfaOffsets.Push(frame.CfaOffset);
                Add(frame, new CfiInstruction(CfiOp.RememberState));
                return;
            case ".cfi_restore_state":
                Expect(line, d, 0);
                if (!frame.RememberedCfaOffsets.TryPop(out long offset))
                    throw new AsmError(line.At(d.Index), "CFI state restore without previous remember");
                frame.CfaOffset = offset;
                Add(frame, new CfiInstruction(CfiOp.RestoreState));
                return;
            case ".cfi_window_save":
            case ".cfi_negate_ra_state":
                Expect(line, d, 0);
                Add(frame, new CfiInstruction(CfiOp.NegateRaState));
                return;
            case ".cfi_escape":
                Add(frame, new CfiInstruction(CfiOp.Escape, Bytes: EscapeBytes(line, d)));
                return;
            case ".cfi_return_column":
                Expect(line, d, 1);
                frame.ReturnColumn = Register(line, d, 0);
                return;
            case ".cfi_signal_frame":
                Expect(line, d, 0);
                frame.SignalFrame = true;
                return;
            case ".cfi_b_key_frame":
                Expect(line, d, 0);
                frame.BKey = true;
                return;
            case ".cfi_personality":
                frame.Personality = Pointer(line, d);
                return;
            case ".cfi_lsda":
                frame.Lsda = Pointer(line, d);
                return;
            default:
                throw new AsmError(line.At(d.Index), $"unknown directive '{d.Name}'");
        }
    }

    /// <summary>At the end of the input: a frame still open is an error at its .cfi_startproc.</summary>
    public void CheckAllClosed()
    {
        var open = Frames.Where(f => f.End < 0)
            .Select(f => new AsmError(f.StartedAt, "open CFI at the end of file; missing .cfi_endproc directive")).ToList();
        if (open.Count > 0)
            throw AsmError.All(open);
    }

    private void StartProc(ParsedLine line, DirectiveStatement d)
    {
        var section = sections.Current;
        if (_open.ContainsKey(section))
            throw new AsmError(line.At(d.Index), "previous CFI entry not closed (missing .cfi_endproc)");
        bool simple = false;
        if (d.Arguments.Count == 1 && d.Arguments[0] is ExprOperandSyntax { Expr: SymbolExpr { Name: "simple" } })
            simple = true;
        else if (d.Arguments.Count > 0)
            throw new AsmError(line.At(d.Arguments[0].Index), ".cfi_startproc takes nothing or 'simple'");
        var frame = new FrameDescription(section, section.Location, line.At(d.Index), simple);
        // Unless 'simple', every frame starts from AArch64's entry state: the CFA is sp + 0.
        if (!simple)
            frame.Instructions.Add(new CfiInstruction(CfiOp.DefCfa, CallFrameEncoding.StackPointerRegister, 0));
        _open[section] = frame;
        Frames.Add(frame);
    }

    private void EndProc(ParsedLine line, DirectiveStatement d)
    {
        if (!_open.Remove(sections.Current, out var frame))
            throw new AsmError(line.At(d.Index), ".cfi_endproc without corresponding .cfi_startproc");
        Expect(line, d, 0);
        frame.End = sections.Current.Location;
    }

    private FrameDescription OpenFrame(ParsedLine line, DirectiveStatement d) =>
        _open.TryGetValue(sections.Current, out var frame) ? frame
            : throw new AsmError(line.At(d.Index), "CFI instruction used without previous .cfi_startproc");

    /// <summary>An operation at another place (or fragment, see <see cref="AsmSection.Fragment"/>) than the previous one first advances to it.</summary>
    private void Add(FrameDescription frame, CfiInstruction instruction)
    {
        var section = sections.Current;
        long here = section.Location;
        if (here != frame.LastOffset || section.Fragment != frame.LastFragment)
        {
            frame.Instructions.Add(new CfiInstruction(CfiOp.Advance, Value: here - frame.LastOffset));
            frame.LastOffset = here;
            frame.LastFragment = section.Fragment;
        }
        frame.Instructions.Add(instruction);
    }

    private void EachRegister(ParsedLine line, DirectiveStatement d, FrameDescription frame, CfiOp op)
    {
        if (d.Arguments.Count == 0)
            Expect(line, d, 1);
        for (int i = 0; i < d.Arguments.Count; i++)
            Add(frame, new CfiInstruction(op, Register(line, d, i)));
    }

    private static void Expect(ParsedLine line, DirectiveStatement d, int count)
    {
        if (d.Arguments.Count == count && !d.Arguments.Any(a => a is EmptyOperandSyntax))
            return;
        int at = d.Arguments.Count > count ? d.Arguments[count].Index : d.Index;
        string what = count switch { 0 => "no arguments", 1 => "1 argument", _ => $"{count} arguments" };
        throw new AsmError(line.At(at), $"{d.Name} takes {what}");
    }

    private long Number(ParsedLine line, DirectiveStatement d, int index) =>
        ExpressionEvaluator.EvaluateAbsolute(DirectiveArguments.ExprArgument(line, d, index), context, line.Line);

    /// <summary>A save slot's offset: a multiple of the data alignment, which it is stored divided by.</summary>
    private long SaveOffset(ParsedLine line, DirectiveStatement d, int index)
    {
        long offset = Number(line, d, index);
        if (offset % CallFrameEncoding.DataAlignment != 0)
            throw new AsmError(line.At(d.Arguments[index].Index),
                $"register save offset not a multiple of {-CallFrameEncoding.DataAlignment}");
        return offset;
    }

    /// <summary>A DWARF register number: x0-x30 / w0-w30, sp / wsp (31), b/h/s/d/q0-31 (64 + n), or a number.</summary>
    private long Register(ParsedLine line, DirectiveStatement d, int index)
    {
        var expr = DirectiveArguments.ExprArgument(line, d, index);
        if (expr is SymbolExpr symbol && DwarfRegister(symbol.Name) is { } number)
            return number;
        if (ExpressionEvaluator.TryEvaluate(expr, context, line.Line, out var value, out _) && value.IsAbsolute && value.Value >= 0)
            return value.Value;
        throw new AsmError(line.At(expr.Index), "bad register expression");
    }

    internal static int? DwarfRegister(string name)
    {
        string lower = name.ToLowerInvariant();
        if (lower is "sp" or "wsp") return CallFrameEncoding.StackPointerRegister;
        if (lower.Length < 2 || !int.TryParse(lower.AsSpan(1), System.Globalization.NumberStyles.None, null, out int n)
            || (lower.Length > 2 && lower[1] == '0'))
            return null;
        return lower[0] switch
        {
            'x' or 'w' when n <= 30 => n,
            'b' or 'h' or 's' or 'd' or 'q' when n <= 31 => 64 + n,
            _ => null,
        };
    }

    /// <summary>.cfi_escape's bytes: each expression's low byte, with GNU's warning when that drops bits.</summary>
    private byte[] EscapeBytes(ParsedLine line, DirectiveStatement d)
    {
        // GNU as takes a missing byte (none at all, or `1,,2`) as zero, with its warning.
        if (d.Arguments.Count == 0)
        {
            context.Warning(line.At(d.Index), DataDirectives.MissingExpression);
            return [0];
        }
        var bytes = new byte[d.Arguments.Count];
        for (int i = 0; i < bytes.Length; i++)
        {
            if (d.Arguments[i] is EmptyOperandSyntax)
            {
                context.Warning(line.At(d.Arguments[i].Index), DataDirectives.MissingExpression);
                continue;
            }
            long value = Number(line, d, i);
            if (value is < -128 or > 255)
                context.Warning(line.At(d.Arguments[i].Index), $"value 0x{value:x} truncated to 0x{value & 0xff:x}");
            bytes[i] = (byte)value;
        }
        return bytes;
    }

    /// <summary>.cfi_personality / .cfi_lsda: an encoding GNU supports (0xff: none), then the symbol.</summary>
    private CfiPointer? Pointer(ParsedLine line, DirectiveStatement d)
    {
        if (d.Arguments.Count == 0 || d.Arguments.Count > 2 || d.Arguments.Any(a => a is EmptyOperandSyntax))
            throw new AsmError(line.At(d.Index), $"{d.Name} requires encoding and symbol arguments");
        long encoding = Number(line, d, 0);
        if (encoding == 0xff)
        {
            if (d.Arguments.Count > 1)
                throw new AsmError(line.At(d.Arguments[1].Index), $"{d.Name} with encoding 0xff takes no symbol");
            return null;
        }
        if (!EhPointer.IsSupported(encoding))
            throw new AsmError(line.At(d.Arguments[0].Index), $"invalid or unsupported encoding in {d.Name}");
        if (d.Arguments.Count != 2)
            throw new AsmError(line.At(d.Index), $"{d.Name} requires encoding and symbol arguments");
        return new CfiPointer((byte)encoding, DirectiveArguments.ExprArgument(line, d, 1), line);
    }

    private void Sections(ParsedLine line, DirectiveStatement d)
    {
        bool eh = false, debug = false;
        foreach (var part in d.RawArguments.Split(',', StringSplitOptions.TrimEntries))
        {
            switch (part)
            {
                case ".eh_frame": eh = true; break;
                case ".debug_frame": debug = true; break;
                default:
                    int at = line.Line.Text.IndexOf(part, d.Index, StringComparison.Ordinal);
                    throw new AsmError(line.At(at < 0 ? d.Index : at), $".cfi_sections: unsupported section '{part}' (.eh_frame and .debug_frame are)");
            }
        }
        EhFrame = eh;
        DebugFrame = debug;
    }
}
