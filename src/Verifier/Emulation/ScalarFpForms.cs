using System.Text.RegularExpressions;
using A64Asm.Isa;

namespace A64Asm.Verifier.Emulation;

/// <summary>What a scalar floating-point form (fp_dp) does, whatever its size.</summary>
internal enum ScalarFpOp : byte
{
    None, Binary, NegatedMul, Move, Abs, Negate, Sqrt, Round, Convert, Compare, CompareZero, MoveImmediate, Select,
    ConditionalCompare, MulAdd, ToInteger, FromInteger, ToGeneral, FromGeneral,
    // Fixed point (fp_fixed, fp16_fixed_gp): fbits in Imm.
    ToFixed, FromFixed,
}

/// <summary>
/// A scalar FP form: the operation, the size it works in, and what the operation needs besides (the binary
/// operation, the rounding, the size converted to, signedness, an X register, which operands of a multiply-add are
/// negated).
/// </summary>
internal readonly record struct ScalarFpForm(ScalarFpOp Op, FpSize Size, FloatingPoint.Binary Binary = default,
    FpRounding Rounding = default, FpSize To = default, bool Signed = false, bool X = false,
    bool NegateAddend = false, bool NegateProduct = false);

/// <summary>
/// The scalar FP forms read once from the table's Code names (FADD_S, FRINTM_D_reg, FCVT_DS, FCVTZS_XH, SCVTF_HW,
/// FMOV_WS...), as <see cref="VectorForms"/> reads the vector ones: one case per operation serves every size.
/// A form none of the patterns names is not executed.
/// </summary>
internal static partial class ScalarFpForms
{
    private static readonly ScalarFpForm[] ByCode = Build();

    public static ScalarFpForm Of(Code code) => (int)code < ByCode.Length ? ByCode[(int)code] : default;

    private static FpSize Size(string t) => t switch { "H" => FpSize.H, "S" => FpSize.S, _ => FpSize.D };

    // FRINTX and FRINTI round as FPCR says, and FPCR stays at its reset value: to nearest, ties to even.
    private static FpRounding Rounding(string r) => r switch
    {
        "P" => FpRounding.PlusInfinity, "M" => FpRounding.MinusInfinity, "Z" => FpRounding.Zero, "A" => FpRounding.TiesAway,
        _ => FpRounding.TiesToEven,
    };

    private static ScalarFpForm[] Build()
    {
        var codes = Enum.GetValues<Code>();
        var table = new ScalarFpForm[codes.Max(c => (int)c) + 1];
        foreach (var code in codes)
            table[(int)code] = Read(code.ToString());
        return table;
    }

    private static ScalarFpForm Read(string name)
    {
        Match m;
        if ((m = BinaryForm().Match(name)).Success)
            return new(ScalarFpOp.Binary, Size(m.Groups["t"].Value), Binary: m.Groups["op"].Value switch
            {
                "FMUL" => FloatingPoint.Binary.Mul, "FDIV" => FloatingPoint.Binary.Div, "FADD" => FloatingPoint.Binary.Add,
                "FSUB" => FloatingPoint.Binary.Sub, "FMAX" => FloatingPoint.Binary.Max, "FMIN" => FloatingPoint.Binary.Min,
                "FMAXNM" => FloatingPoint.Binary.MaxNum, _ => FloatingPoint.Binary.MinNum,
            });
        if ((m = NegatedMulForm().Match(name)).Success)
            return new(ScalarFpOp.NegatedMul, Size(m.Groups["t"].Value));
        if ((m = UnaryForm().Match(name)).Success)
            return new(m.Groups["op"].Value switch
            {
                "FMOV" => ScalarFpOp.Move, "FABS" => ScalarFpOp.Abs, "FNEG" => ScalarFpOp.Negate, _ => ScalarFpOp.Sqrt,
            }, Size(m.Groups["t"].Value));
        if ((m = RoundForm().Match(name)).Success)
            return new(ScalarFpOp.Round, Size(m.Groups["t"].Value), Rounding: Rounding(m.Groups["r"].Value));
        if ((m = ConvertForm().Match(name)).Success)
            return new(ScalarFpOp.Convert, Size(m.Groups["from"].Value), To: Size(m.Groups["to"].Value));
        if ((m = CompareForm().Match(name)).Success)
            return new(m.Groups["with"].Value == "zero" ? ScalarFpOp.CompareZero : ScalarFpOp.Compare, Size(m.Groups["t"].Value));
        if ((m = MoveImmediateForm().Match(name)).Success)
            return new(ScalarFpOp.MoveImmediate, Size(m.Groups["t"].Value));
        if ((m = SelectForm().Match(name)).Success)
            return new(ScalarFpOp.Select, Size(m.Groups["t"].Value));
        if ((m = ConditionalCompareForm().Match(name)).Success)
            return new(ScalarFpOp.ConditionalCompare, Size(m.Groups["t"].Value));
        if ((m = MulAddForm().Match(name)).Success)
            return new(ScalarFpOp.MulAdd, Size(m.Groups["t"].Value),
                NegateAddend: m.Groups["op"].Value.StartsWith("FN", StringComparison.Ordinal),
                NegateProduct: m.Groups["op"].Value is "FMSUB" or "FNMADD");
        if ((m = ToIntegerForm().Match(name)).Success)
            return new(ScalarFpOp.ToInteger, Size(m.Groups["t"].Value), Rounding: Rounding(m.Groups["r"].Value),
                Signed: m.Groups["s"].Value == "S", X: m.Groups["g"].Value == "X");
        if ((m = FromIntegerForm().Match(name)).Success)
            return new(ScalarFpOp.FromInteger, Size(m.Groups["t"].Value), Signed: m.Groups["s"].Value == "S", X: m.Groups["g"].Value == "X");
        if ((m = ToFixedForm().Match(name)).Success)
            return new(ScalarFpOp.ToFixed, Size(m.Groups["t"].Value), Signed: m.Groups["s"].Value == "S", X: m.Groups["g"].Value == "X");
        if ((m = FromFixedForm().Match(name)).Success)
            return new(ScalarFpOp.FromFixed, Size(m.Groups["t"].Value), Signed: m.Groups["s"].Value == "S", X: m.Groups["g"].Value == "X");
        if ((m = ToGeneralForm().Match(name)).Success)
            return new(ScalarFpOp.ToGeneral, Size(m.Groups["t"].Value), X: m.Groups["g"].Value == "X");
        if ((m = FromGeneralForm().Match(name)).Success)
            return new(ScalarFpOp.FromGeneral, Size(m.Groups["t"].Value), X: m.Groups["g"].Value == "X");
        return default;
    }

    [GeneratedRegex(@"^(?<op>FMUL|FDIV|FADD|FSUB|FMAX|FMIN|FMAXNM|FMINNM)_(?<t>[HSD])$")]
    private static partial Regex BinaryForm();
    [GeneratedRegex(@"^FNMUL_(?<t>[HSD])$")]
    private static partial Regex NegatedMulForm();
    [GeneratedRegex(@"^(?<op>FMOV|FABS|FNEG|FSQRT)_(?<t>[HSD])_reg$")]
    private static partial Regex UnaryForm();
    [GeneratedRegex(@"^FRINT(?<r>[NPMZAXI])_(?<t>[HSD])_reg$")]
    private static partial Regex RoundForm();
    [GeneratedRegex(@"^FCVT_(?<to>[HSD])(?<from>[HSD])$")]
    private static partial Regex ConvertForm();
    [GeneratedRegex(@"^FCMPE?_(?<t>[HSD])_(?<with>reg|zero)$")]
    private static partial Regex CompareForm();
    [GeneratedRegex(@"^FMOV_(?<t>[HSD])_imm$")]
    private static partial Regex MoveImmediateForm();
    [GeneratedRegex(@"^FCSEL_(?<t>[HSD])$")]
    private static partial Regex SelectForm();
    [GeneratedRegex(@"^FCCMPE?_(?<t>[HSD])$")]
    private static partial Regex ConditionalCompareForm();
    [GeneratedRegex(@"^(?<op>FMADD|FMSUB|FNMADD|FNMSUB)_(?<t>[HSD])$")]
    private static partial Regex MulAddForm();
    [GeneratedRegex(@"^FCVT(?<r>[NAPMZ])(?<s>[SU])_(?<g>[WX])(?<t>[HSD])$")]
    private static partial Regex ToIntegerForm();
    [GeneratedRegex(@"^(?<s>[SU])CVTF_(?<t>[HSD])(?<g>[WX])$")]
    private static partial Regex FromIntegerForm();
    [GeneratedRegex(@"^FCVTZ(?<s>[SU])_(?<g>[WX])(?<t>[HSD])_fix$")]
    private static partial Regex ToFixedForm();
    [GeneratedRegex(@"^(?<s>[SU])CVTF_(?<t>[HSD])(?<g>[WX])_fix$")]
    private static partial Regex FromFixedForm();
    [GeneratedRegex(@"^FMOV_(?<g>[WX])(?<t>[HSD])$")]
    private static partial Regex ToGeneralForm();
    [GeneratedRegex(@"^FMOV_(?<t>[HSD])(?<g>[WX])$")]
    private static partial Regex FromGeneralForm();
}
