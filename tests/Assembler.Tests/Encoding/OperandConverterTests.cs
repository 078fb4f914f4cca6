using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.InstructionEncoding;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa.Operands;
using A64Asm.Assembler.Tests.Layout;

namespace A64Asm.Assembler.Tests.Encoding;

public class OperandConverterTests
{
    /// <summary>No symbols defined, "." at 0.</summary>
    internal sealed class EmptyScope : IExpressionScope
    {
        public Dictionary<string, ExprValue> Symbols { get; } = new();
        public ExprValue LocationCounter => ExprValue.Absolute(0);
        public bool TryGetSymbol(string name, out ExprValue value) => Symbols.TryGetValue(name, out value);
    }

    private static List<Operand> Convert(string instruction, RegisterAliases? aliases = null, EmptyScope? scope = null)
    {
        var line = new SourceLine(instruction, new SourceLocation(new SourcePos(new SourceText("c.s", instruction), 1, 1), null));
        var parsed = (InstructionStatement)new StatementParser().ParseLine(line).Statement!;
        var converter = new OperandConverter(scope ?? new EmptyScope(), aliases ?? new RegisterAliases(), (n, s, o) => "anchor");
        return converter.Convert(parsed.Operands, line);
    }

    [Fact]
    public void General_registers_and_their_aliases()
    {
        Assert.Equal(
            new Operand[]
            {
                new RegOperand(new Reg(RegClass.X, 31, IsSp: true)), new RegOperand(new Reg(RegClass.W, 31)),
                new RegOperand(new Reg(RegClass.X, 29)), new RegOperand(new Reg(RegClass.X, 30)),
            },
            Convert("x sp, wzr, fp, LR"));
    }

    [Fact]
    public void Req_aliases_name_registers()
    {
        var aliases = new RegisterAliases();
        aliases.Define("dst", "x5", null!, SilentDiagnostics.Instance);
        Assert.Equal(new RegOperand(new Reg(RegClass.X, 5)), Convert("mov dst, x1", aliases)[0]);
    }

    [Fact]
    public void Vector_registers_elements_and_lists()
    {
        Assert.Equal(
            new Operand[]
            {
                new VecListOperand(0, 4, Arrangement.B16), new VecRegOperand(1, Arrangement.S, 2),
                new VecListOperand(30, 3, Arrangement.D2), new RegOperand(new Reg(RegClass.Q, 7)),
            },
            Convert("x {v0.16b-v3.16b}, v1.s[2], {v30.2d, v31.2d, v0.2d}, q7"));
    }

    [Fact]
    public void Immediates_conditions_bare_words_and_symbols()
    {
        Assert.Equal(
            new Operand[]
            {
                new ImmOperand(4096, HadHash: false), new ImmOperand(-8), new CondOperand(Cond.Hs),
                new SymbolOperand("ctr_el0"), new SymbolOperand("label", 4), new FpImmOperand(-0.5),
            },
            Convert("x (1 << 12), #-8, cs, ctr_el0, label + 4, #-0.5"));
    }

    [Fact]
    public void Memory_operands_of_every_addressing_mode()
    {
        var x1 = new Reg(RegClass.X, 1);
        Assert.Equal(new MemOperand(x1), Convert("ldr x0, [x1]")[1]);
        Assert.Equal(new MemOperand(x1, new ImmOperand(16), AddrMode.PreIndex), Convert("ldr x0, [x1, #16]!")[1]);
        Assert.Equal(new MemOperand(x1, new ImmOperand(8), AddrMode.PostIndex), Convert("ldr x0, [x1], #8")[1]);
        Assert.Equal(new MemOperand(x1, new RegOperand(new Reg(RegClass.W, 2)), AddrMode.Offset, ShiftKind.Sxtw, 3),
            Convert("ldr x0, [x1, w2, sxtw #3]")[1]);
        Assert.Equal(new MemOperand(x1, new SymbolOperand("sym", 0, RelocModifier.Lo12)), Convert("ldr x0, [x1, :lo12:sym]")[1]);
        Assert.Equal(2, Convert("ldp x0, x1, [sp], #16").Count - 1);
    }

    [Fact]
    public void Shift_and_extend_operands()
    {
        Assert.Equal(new ShiftOperand(ShiftKind.Lsl, 12), Convert("add x0, x1, #1, lsl #12")[3]);
        Assert.Equal(new ShiftOperand(ShiftKind.Uxtw), Convert("add x0, x1, w2, uxtw")[3]);
    }

    [Fact]
    public void A_base_must_be_a_register()
    {
        var error = Assert.Throws<AsmError>(() => Convert("ldr x0, [foo]"));
        Assert.Equal("c.s:1:10: error: 64-bit integer or SP register expected", error.Render().Split('\n')[0]);
    }

    [Fact]
    public void A_base_register_of_another_width_goes_on_to_the_form_that_names_it()
    {
        // ldr says "64-bit integer or SP register expected", the MOPS forms "integer 64-bit register expected".
        var address = Assert.IsType<MemOperand>(Convert("ldr x0, [w1]")[1]);
        Assert.Equal(RegClass.W, address.Base.Class);
        Assert.Equal("test.s:1:9: error: 64-bit integer or SP register expected", Asm.ErrorLine("ldr x0, [w1]\n"));
    }

    [Fact]
    public void Scalable_registers_predicates_and_multipliers_are_carried()
    {
        Assert.Equal(
            new Operand[]
            {
                new ScalableRegOperand(ScalableFile.Z, 3, Arrangement.S), new ScalableRegOperand(ScalableFile.P, 0, Predication: Predication.Zeroing),
                new ScalableRegOperand(ScalableFile.P, 15, Predication: Predication.Merging), new ScalableRegOperand(ScalableFile.PN, 8),
                new ScalableRegOperand(ScalableFile.Z, 1, Arrangement.D, 2), new ScalableListOperand(30, 3, Arrangement.B),
                new ScalableRegOperand(ScalableFile.ZA, 1, Arrangement.S), new ScalableRegOperand(ScalableFile.ZT, 0),
                new ScalableRegOperand(ScalableFile.ZA, -1), new MulOperand(true), new MulOperand(false, 4),
            },
            Convert("x z3.s, p0/z, P15/M, pn8, z1.d[2], {z30.b-z0.b}, za1h.s, zt0, za, mul vl, mul #4"));
    }

    [Fact]
    public void Scalable_addresses_keep_their_parts()
    {
        var mem = Assert.IsType<ScalableMemOperand>(Convert("ld1w {z0.s}, p0/z, [x0, #1, mul vl]")[2]);
        Assert.Equal(new Operand[] { new RegOperand(new Reg(RegClass.X, 0)), new ImmOperand(1), new MulOperand(true) }, mem.Parts);
        var gather = Assert.IsType<ScalableMemOperand>(Convert("ld1d {z0.d}, p0/z, [x0, z1.d, lsl #3]")[2]);
        Assert.Equal(new Operand[] { new RegOperand(new Reg(RegClass.X, 0)), new ScalableRegOperand(ScalableFile.Z, 1, Arrangement.D),
            new ShiftOperand(ShiftKind.Lsl, 3) }, gather.Parts);
    }
}
