using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Tests.Parsing;

public class StatementParserTests
{
    private static readonly SourceText File = new("t.s", "");

    private static ParsedLine Parse(string text, StatementParser? parser = null) =>
        (parser ?? new StatementParser()).ParseLine(new SourceLine(text, new SourceLocation(new SourcePos(File, 7, 1), null)));

    private static InstructionStatement Instruction(string text) => Assert.IsType<InstructionStatement>(Parse(text).Statement);

    [Fact]
    public void Labels_and_instruction_share_a_line()
    {
        var line = Parse("start: .Lx: b.ne 1f");
        Assert.Equal(["start", ".Lx"], line.Labels.Select(l => l.Name));
        var ins = Assert.IsType<InstructionStatement>(line.Statement);
        Assert.Equal("b.ne", ins.Mnemonic);
    }

    [Fact]
    public void Mnemonics_are_lower_cased()
    {
        Assert.Equal("ldr", Instruction("LDR X0, [X1]").Mnemonic);
    }

    [Fact]
    public void Numeric_local_labels_get_one_name_per_definition()
    {
        var parser = new StatementParser();
        var first = Parse("1: b 1f", parser);
        var second = Parse("1: b 1b", parser);
        string forward = ((SymbolExpr)((ExprOperandSyntax)((InstructionStatement)first.Statement!).Operands[0]).Expr).Name;
        string backward = ((SymbolExpr)((ExprOperandSyntax)((InstructionStatement)second.Statement!).Operands[0]).Expr).Name;
        Assert.Equal(second.Labels[0].Name, forward);
        Assert.Equal(second.Labels[0].Name, backward);
        Assert.NotEqual(first.Labels[0].Name, second.Labels[0].Name);
        Assert.StartsWith(".L", forward);
    }

    [Fact]
    public void Memory_operand_shapes()
    {
        var pre = Assert.IsType<MemoryOperandSyntax>(Instruction("ldr x0, [x1, #8]!").Operands[1]);
        Assert.True(pre.Writeback);
        Assert.Equal(2, pre.Parts.Count);

        var post = Instruction("ldr x18, [x15], #8");
        Assert.IsType<MemoryOperandSyntax>(post.Operands[1]);
        Assert.IsType<ExprOperandSyntax>(post.Operands[2]);

        var extended = Assert.IsType<MemoryOperandSyntax>(Instruction("ldr x0, [x1, w2, sxtw #3]").Operands[1]);
        var shift = Assert.IsType<ShiftOperandSyntax>(extended.Parts[2]);
        Assert.Equal("sxtw", shift.Kind);

        var lo12 = Assert.IsType<MemoryOperandSyntax>(Instruction("ldr x0, [x0, :lo12:sym]").Operands[1]);
        Assert.Equal("lo12", Assert.IsType<RelocOperandSyntax>(lo12.Parts[1]).Modifier);
    }

    [Fact]
    public void Vector_operand_shapes()
    {
        var ld1 = Instruction("ld1 {v0.16b-v3.16b}, [x0], #64");
        var list = Assert.IsType<RegisterListSyntax>(ld1.Operands[0]);
        Assert.Equal(("v0.16b", "v3.16b"), (list.Ranges[0].First, list.Ranges[0].Last));

        var element = Assert.IsType<ElementOperandSyntax>(Instruction("mov v1.s[2], w0").Operands[0]);
        Assert.Equal("v1.s", element.Register);

        var indexedList = Assert.IsType<RegisterListSyntax>(Instruction("ld1 {v0.s, v1.s}[1], [x0]").Operands[0]);
        Assert.Equal(2, indexedList.Ranges.Count);
        Assert.NotNull(indexedList.Element);
    }

    [Fact]
    public void Immediates_shifts_literals_and_relocations()
    {
        var add = Instruction("add x0, x1, #1, lsl #12");
        Assert.True(((ExprOperandSyntax)add.Operands[2]).HasHash);
        Assert.Equal("lsl", ((ShiftOperandSyntax)add.Operands[3]).Kind);

        var bare = (ExprOperandSyntax)Instruction("tbnz x18, 2, .Ldone").Operands[1];
        Assert.False(bare.HasHash);

        Assert.IsType<LiteralOperandSyntax>(Instruction("ldr x0, =0x1234").Operands[1]);
        Assert.Equal("abs_g1_nc", ((RelocOperandSyntax)Instruction("movk x0, #:abs_g1_nc:sym").Operands[1]).Modifier);
        Assert.IsType<FloatExpr>(((ExprOperandSyntax)Instruction("fmov d0, #1.5").Operands[1]).Expr);
    }

    [Fact]
    public void Directives_keep_strings_types_and_empty_arguments()
    {
        var section = Assert.IsType<DirectiveStatement>(Parse(".section .text.foo, \"ax\", @progbits").Statement);
        Assert.Equal(".section", section.Name);
        Assert.Equal("ax"u8.ToArray(), ((StringOperandSyntax)section.Arguments[1]).Bytes);
        Assert.Equal("progbits", ((TypeOperandSyntax)section.Arguments[2]).Name);

        var align = Assert.IsType<DirectiveStatement>(Parse(".p2align 4,,15").Statement);
        Assert.IsType<EmptyOperandSyntax>(align.Arguments[1]);

        var type = Assert.IsType<DirectiveStatement>(Parse(".type f, %function").Statement);
        Assert.Equal("function", ((TypeOperandSyntax)type.Arguments[1]).Name);
    }

    [Fact]
    public void Free_form_directives_keep_raw_text()
    {
        var arch = Assert.IsType<DirectiveStatement>(Parse(".arch armv8.2-a+crypto").Statement);
        Assert.Equal("armv8.2-a+crypto", arch.RawArguments);
    }

    [Fact]
    public void Assignment_and_register_alias()
    {
        var set = Assert.IsType<AssignmentStatement>(Parse("size = 4 * 8").Statement);
        Assert.Equal("size", set.Name);
        var alias = Assert.IsType<RegisterAliasStatement>(Parse("dst .req x0").Statement);
        Assert.Equal(("dst", "x0"), (alias.Name, alias.Register));
    }

    [Fact]
    public void Comments_and_blank_lines_have_no_statement()
    {
        Assert.Null(Parse("   // just a comment").Statement);
        Assert.Null(Parse("").Statement);
        Assert.Null(Parse("# 1 \"file.S\"").Statement);
        Assert.Equal("nop", Instruction("nop // trailing").Mnemonic);
    }

    [Fact]
    public void Syntax_error_names_line_and_column()
    {
        var error = Assert.Throws<AsmError>(() => Parse("add x0, x1 x2"));
        Assert.Equal("t.s:7:12: error: syntax error: unexpected 'x2'", error.Render().Split('\n')[0]);
    }

    [Fact]
    public void Unexpected_character_is_reported_where_it_is()
    {
        var error = Assert.Throws<AsmError>(() => Parse("mov x0, ?"));
        Assert.Equal(9, error.Location!.Pos.Column);
    }

    [Fact]
    public void Backward_reference_to_an_undefined_local_label_is_an_error()
    {
        var error = Assert.Throws<AsmError>(() => Parse("b 3b"));
        Assert.Contains("backward ref to unknown label \"3:\"", error.Message);
    }

    [Fact]
    public void Statements_of_one_token_shape_keep_their_own_text_and_positions()
    {
        var parser = new StatementParser();
        var first = (InstructionStatement)Parse("add x1, x2, #3", parser).Statement!;
        var second = (InstructionStatement)Parse("  sub x10, x20, #300", parser).Statement!;
        Assert.Equal("add", first.Mnemonic);
        Assert.Equal("sub", second.Mnemonic);
        Assert.Equal(2, second.Index);
        Assert.Equal("x20", ((SymbolExpr)((ExprOperandSyntax)second.Operands[1]).Expr).Name);
        Assert.Equal(11, second.Operands[1].Index);
        Assert.Equal(300, ((NumberExpr)((ExprOperandSyntax)second.Operands[2]).Expr).Value);
        Assert.Equal(3, ((NumberExpr)((ExprOperandSyntax)first.Operands[2]).Expr).Value);
    }

    [Fact]
    public void A_repeated_line_binds_its_local_labels_anew_each_time()
    {
        var parser = new StatementParser();
        var names = new List<string>();
        foreach (var text in new[] { "1: b 1b", "1: b 1b", "b 1f", "1: b 1b" })
        {
            var line = Parse(text, parser);
            names.Add(((SymbolExpr)((ExprOperandSyntax)((InstructionStatement)line.Statement!).Operands[0]).Expr).Name);
        }
        Assert.Equal(3, names.Distinct().Count());
        Assert.Equal(names[2], names[3]);
    }

    [Fact]
    public void A_syntax_error_before_a_bad_character_is_reported_first()
    {
        var error = Assert.Throws<AsmError>(() => Parse("add x0, x1 x2, ?"));
        Assert.Equal("t.s:7:12: error: syntax error: unexpected 'x2'", error.Render().Split('\n')[0]);
        var again = Assert.Throws<AsmError>(() => Parse("add x0, x1, ?"));
        Assert.Equal(13, again.Location!.Pos.Column);
    }

    [Theory]
    [InlineData("ldr wzr, [[[foo]", "t.s:7:17: error: syntax error: unexpected end of line")]
    [InlineData("0xd1e7bbb88b1d9d25", "t.s:7:19: error: syntax error: unexpected end of line")]
    public void A_statement_the_first_parse_must_repair_gets_the_full_parse_error(string text, string message)
    {
        // Campaign seed 3000: the SLL attempt recovers by conjuring a missing token; it must not crash doing so.
        var parser = new StatementParser();
        var error = Assert.Throws<AsmError>(() => Parse(text, parser));
        Assert.Equal(message, error.Render().Split('\n')[0]);
        Assert.NotNull(Parse("add x0, x1, x2", parser).Statement);
    }
}
