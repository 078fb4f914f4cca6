using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.InstructionEncoding;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Assembler.Layout.Debug;
using static A64Asm.Assembler.Layout.DirectiveArguments;

namespace A64Asm.Assembler.Layout;

/// <summary>Which part of the assembler runs each directive; the ignored ones; an unknown one is an error.</summary>
internal sealed class DirectiveTable
{
    /// <summary>The directives the assembler itself runs (they touch labels, passes or the encoder).</summary>
    public readonly record struct OwnDirectives(
        Action<ParsedLine> Ltorg,
        Action<ParsedLine, DirectiveStatement> SetSize,
        Action<ParsedLine, DirectiveStatement, bool> Set,
        Func<IDiagnosticSink> PassDiagnostics,
        Func<IExpressionScope> Scope,
        Action<string> SourceFileName);

    // Accepted for compatibility; they describe debug info or the target, which the object here does not carry.
    private static readonly HashSet<string> IgnoredDirectives = new(StringComparer.Ordinal)
    {
        ".fpu", ".gnu_attribute",
        ".eabi_attribute", ".symver", ".version", ".altmacro", ".noaltmacro",
        // Stabs function brackets: GNU as writes nothing for them unless asked for stabs debug info.
        ".func", ".endfunc",
    };

    private readonly Dictionary<string, Action<ParsedLine, DirectiveStatement>> _handlers;
    private readonly CallFrameDirectives _callFrames;

    public DirectiveTable(SectionTable sections, SectionDirectives sectionArguments, DataDirectives data,
        SymbolAttributes attributes, ArchitectureDirectives architecture, RegisterAliases aliases, OwnDirectives own,
        CallFrameDirectives callFrames, ValueDirectives values, BinaryInclude binaries, CommonSymbols commons,
        RelocationDirectives relocations, LineDirectives lines, Action<ParsedLine, long> instructionRow)
    {
        _callFrames = callFrames;
        _handlers = new(StringComparer.Ordinal)
        {
            [".text"] = (l, d) => sections.Switch(sections.GetOrCreate(".text"), sectionArguments.Subsection(l, d, 0), l.At(d.Index)),
            [".data"] = (l, d) => sections.Switch(sections.GetOrCreate(".data"), sectionArguments.Subsection(l, d, 0), l.At(d.Index)),
            [".subsection"] = (l, d) => sections.SwitchSubsection(sectionArguments.Subsection(l, d, 0), l.At(d.Index)),
            [".bss"] = (l, d) => sections.Switch(sections.GetOrCreate(".bss"), sectionArguments.NoSubsection(l, d), l.At(d.Index)),
            [".section"] = (l, d) => sections.Switch(sectionArguments.FromArguments(l, d)),
            [".pushsection"] = (l, d) => sectionArguments.Push(l, d),
            // GNU as warns and goes on where there is nothing to return to.
            [".popsection"] = (l, d) =>
            {
                if (!sections.Pop(l.At(d.Index)))
                    own.PassDiagnostics().Warning(l.At(d.Index), ".popsection without corresponding .pushsection; ignored");
            },
            // .file "name" names the source (an STT_FILE symbol); .file N "name" numbers DWARF line-table files.
            [".file"] = (l, d) =>
            {
                if (lines.File(l, d))
                    return;
                string raw = d.RawArguments;
                if (raw.Length >= 2 && raw[0] == '"' && raw.IndexOf('"', 1) is int close and > 0 && raw[(close + 1)..].Trim().Length == 0)
                    own.SourceFileName(raw[1..close]);
            },
            [".struct"] = (l, d) =>
            {
                long start = DirectiveArguments.OptionalExprArgument(l, d, 0) is { } e
                    ? ExpressionEvaluator.EvaluateAbsolute(e, own.Scope(), l.Line) : 0;
                sections.Switch(sections.Absolute);
                sections.Absolute.Location = start;
            },
            [".previous"] = (l, d) =>
            {
                if (!sections.SwapWithPrevious(l.At(d.Index)))
                    own.PassDiagnostics().Warning(l.At(d.Index), ".previous without corresponding .section; ignored");
            },

            [".byte"] = (l, d) => data.Data(l, d, 1),
            [".hword"] = (l, d) => data.Data(l, d, 2),
            [".short"] = (l, d) => data.Data(l, d, 2),
            [".2byte"] = (l, d) => data.Data(l, d, 2),
            [".word"] = (l, d) => data.Data(l, d, 4),
            [".long"] = (l, d) => data.Data(l, d, 4),
            [".int"] = (l, d) => data.Data(l, d, 4),
            [".4byte"] = (l, d) => data.Data(l, d, 4),
            [".quad"] = (l, d) => data.Data(l, d, 8),
            [".xword"] = (l, d) => data.Data(l, d, 8),
            [".8byte"] = (l, d) => data.Data(l, d, 8),
            [".dword"] = (l, d) => data.Data(l, d, 8),
            [".inst"] = (l, d) =>
            {
                data.Inst(l, d);
                // GNU as gives the words a line row as it gives an instruction one (their start: '.' less 4 each).
                instructionRow(l, sections.Current.Location - 4L * d.Arguments.Count);
            },
            [".loc"] = (l, d) => lines.Loc(l, d),
            [".loc_mark_labels"] = (l, d) => lines.MarkLabels(l, d),
            [".incbin"] = (l, d) => binaries.Incbin(l, d),
            [".float"] = (l, d) => values.Floats(l, d, FloatFormat.Single),
            [".single"] = (l, d) => values.Floats(l, d, FloatFormat.Single),
            [".double"] = (l, d) => values.Floats(l, d, FloatFormat.Double),
            [".float16"] = (l, d) => values.Floats(l, d, FloatFormat.Half),
            [".bfloat16"] = (l, d) => values.Floats(l, d, FloatFormat.BFloat16),
            [".uleb128"] = (l, d) => values.Leb128(l, d, signed: false),
            [".sleb128"] = (l, d) => values.Leb128(l, d, signed: true),
            [".string8"] = (l, d) => data.Strings(l, d, terminate: true),
            [".string16"] = (l, d) => values.WideStrings(l, d, 2),
            [".string32"] = (l, d) => values.WideStrings(l, d, 4),
            [".string64"] = (l, d) => values.WideStrings(l, d, 8),
            [".dcb"] = (l, d) => values.RepeatedConstant(l, d, 2),
            [".dcb.b"] = (l, d) => values.RepeatedConstant(l, d, 1),
            [".dcb.w"] = (l, d) => values.RepeatedConstant(l, d, 2),
            [".dcb.l"] = (l, d) => values.RepeatedConstant(l, d, 4),
            [".dcb.s"] = (l, d) => values.RepeatedFloat(l, d, FloatFormat.Single),
            [".dcb.d"] = (l, d) => values.RepeatedFloat(l, d, FloatFormat.Double),
            [".dcb.x"] = (l, d) => values.RepeatedFloat(l, d, FloatFormat.Extended),
            // The Motorola-style names GNU as takes on every target: .dc.* values, .ds.* zeroed (or filled) items.
            [".dc"] = (l, d) => data.Data(l, d, 2),
            [".dc.b"] = (l, d) => data.Data(l, d, 1),
            [".dc.w"] = (l, d) => data.Data(l, d, 2),
            [".dc.l"] = (l, d) => data.Data(l, d, 4),
            [".dc.a"] = (l, d) => data.Data(l, d, 8),
            [".dc.s"] = (l, d) => values.Floats(l, d, FloatFormat.Single),
            [".dc.d"] = (l, d) => values.Floats(l, d, FloatFormat.Double),
            [".dc.x"] = (l, d) => values.Floats(l, d, FloatFormat.Extended),
            [".ds"] = (l, d) => values.RepeatedConstant(l, d, 2),
            [".ds.b"] = (l, d) => values.RepeatedConstant(l, d, 1),
            [".ds.w"] = (l, d) => values.RepeatedConstant(l, d, 2),
            [".ds.l"] = (l, d) => values.RepeatedConstant(l, d, 4),
            [".ds.s"] = (l, d) => values.RepeatedConstant(l, d, 4),
            [".ds.d"] = (l, d) => values.RepeatedConstant(l, d, 8),
            [".ds.x"] = (l, d) => values.RepeatedConstant(l, d, ValueDirectives.PaddedExtendedSize),
            [".ds.p"] = (l, d) => values.RepeatedConstant(l, d, ValueDirectives.PaddedExtendedSize),
            [".ascii"] = (l, d) => data.Strings(l, d, terminate: false),
            [".asciz"] = (l, d) => data.Strings(l, d, terminate: true),
            [".string"] = (l, d) => data.Strings(l, d, terminate: true),
            [".skip"] = (l, d) => data.Space(l, d),
            [".space"] = (l, d) => data.Space(l, d),
            [".zero"] = (l, d) => data.Space(l, d),
            [".fill"] = (l, d) => data.Fill(l, d),

            [".align"] = (l, d) => data.Align(l, d, powerOfTwo: true, fillSize: 1),
            [".p2align"] = (l, d) => data.Align(l, d, powerOfTwo: true, fillSize: 1),
            [".p2alignw"] = (l, d) => data.Align(l, d, powerOfTwo: true, fillSize: 2),
            [".p2alignl"] = (l, d) => data.Align(l, d, powerOfTwo: true, fillSize: 4),
            [".balign"] = (l, d) => data.Align(l, d, powerOfTwo: false, fillSize: 1),
            [".balignw"] = (l, d) => data.Align(l, d, powerOfTwo: false, fillSize: 2),
            [".balignl"] = (l, d) => data.Align(l, d, powerOfTwo: false, fillSize: 4),
            [".org"] = (l, d) => data.Org(l, d),
            [".ltorg"] = (l, d) => own.Ltorg(l),
            [".pool"] = (l, d) => own.Ltorg(l),

            [".globl"] = (l, d) => attributes.SetBinding(l, d, SymbolBinding.Global),
            [".global"] = (l, d) => attributes.SetBinding(l, d, SymbolBinding.Global),
            [".weak"] = (l, d) => attributes.SetBinding(l, d, SymbolBinding.Weak),
            [".local"] = (l, d) => attributes.SetBinding(l, d, SymbolBinding.Local),
            [".hidden"] = (l, d) => attributes.SetVisibility(l, d, SymbolVisibility.Hidden),
            [".internal"] = (l, d) => attributes.SetVisibility(l, d, SymbolVisibility.Internal),
            [".protected"] = (l, d) => attributes.SetVisibility(l, d, SymbolVisibility.Protected),
            [".type"] = (l, d) => attributes.SetType(l, d),
            [".reloc"] = (l, d) => relocations.Reloc(l, d),
            [".tlsdesccall"] = (l, d) => relocations.TlsDescCall(l, d),
            [".tlsdescadd"] = (l, d) => relocations.TlsDescAdd(l, d),
            [".tlsdescldr"] = (l, d) => relocations.TlsDescLdr(l, d),
            [".comm"] = (l, d) => commons.Comm(l, d),
            [".lcomm"] = (l, d) => commons.Lcomm(l, d),
            [".variant_pcs"] = (l, d) => attributes.SetVariantPcs(l, d),
            [".ident"] = (l, d) => Ident(sections, data, l, d),
            [".size"] = (l, d) => own.SetSize(l, d),
            [".set"] = (l, d) => own.Set(l, d, true),
            [".equ"] = (l, d) => own.Set(l, d, true),
            [".equiv"] = (l, d) => own.Set(l, d, false),
            [".arch"] = (l, d) => architecture.SelectArchitecture(l, d),
            [".arch_extension"] = (l, d) => architecture.AddArchExtension(l, d),
            [".cpu"] = (l, d) => architecture.SelectCpu(l, d),
            [".unreq"] = (l, d) => aliases.Remove(NameArgument(l, d, 0), l.At(d.Index), own.PassDiagnostics()),
        };
    }

    /// <summary>.ident "text": the string into .comment (mergeable strings), which GNU as starts with an empty one.</summary>
    private static void Ident(SectionTable sections, DataDirectives data, ParsedLine line, DirectiveStatement d)
    {
        if (!sections.Contains(".comment"))
            sections.GetOrCreate(".comment").SymbolLast = true;
        var comment = sections.GetOrCreate(".comment");
        comment.Flags = SectionFlags.Merge | SectionFlags.Strings;
        comment.EntrySize = 1;
        sections.RunIn(comment, () =>
        {
            if (comment.Location == 0)
                data.Zeros(1);
            data.Strings(line, d, terminate: true);
        });
    }

    public void Run(ParsedLine line, DirectiveStatement d)
    {
        if (_handlers.TryGetValue(d.Name, out var handler))
            handler(line, d);
        else if (d.Name.StartsWith(".cfi_", StringComparison.Ordinal))
            _callFrames.Run(line, d);
        else if (!IgnoredDirectives.Contains(d.Name))
            throw new AsmError(line.At(d.Index), $"unknown directive '{d.Name}'");
    }
}
