using System.Text.RegularExpressions;
using A64Asm.Isa;

namespace A64Asm.Verifier.Emulation;

/// <summary>The scalar AdvSIMD operations, named as their mnemonics (Cmgt0 is CMGT against #0).</summary>
internal enum ScalarOp : byte
{
    None,
    // Integer, one element of B/H/S/D: wrapping, saturating, compares, shifts by a register.
    Add, Sub, Cmeq, Cmgt, Cmhi, Cmge, Cmhs, Cmtst, Abs, Neg, Cmgt0, Cmge0, Cmeq0, Cmle0, Cmlt0,
    Sqadd, Uqadd, Sqsub, Uqsub, Suqadd, Usqadd, Sqabs, Sqneg, Sqdmulh, Sqrdmulh,
    Sshl, Ushl, Sqshl, Uqshl, Srshl, Urshl, Sqrshl, Uqrshl,
    // Narrowing: the source element is twice the result's.
    Sqxtn, Uqxtn, Sqxtun, Sqshrn, Sqrshrn, Sqshrun, Sqrshrun, Uqshrn, Uqrshrn,
    // Shifts by an immediate.
    Ssra, Usra, Srshr, Urshr, Srsra, Ursra, Sri, Sli, Sqshlu,
    // Lengthening: the result element is twice the sources'.
    Sqdmlal, Sqdmlsl, Sqdmull,
    // Pairwise over the two elements of Vn, then across the 4 or 8 of Vn (halves first, as the Arm ARM's Reduce).
    Addp, Faddp, Fmaxp, Fminp, Fmaxnmp, Fminnmp, Fmaxv, Fminv, Fmaxnmv, Fminnmv,
    // Floating point.
    Fmulx, Fmul, Fmla, Fmls, Fabd, Frecps, Frsqrts, Frecpx, Fcvtxn, Fmaxnm, Fminnm,
    Fcmeq, Fcmge, Fcmgt, Facge, Facgt, Fcmeq0, Fcmge0, Fcmgt0, Fcmle0, Fcmlt0,
    Fcvtns, Fcvtnu, Fcvtms, Fcvtmu, Fcvtas, Fcvtau, Fcvtps, Fcvtpu, Fcvtzs, Fcvtzu, Scvtf, Ucvtf,
    Frecpe, Frsqrte, Urecpe, Ursqrte,
    // Vector only (the _more groups): same size,
    Shadd, Uhadd, Srhadd, Urhadd, Shsub, Uhsub, Sabd, Uabd, Saba, Uaba, Mla, Mls, Pmul, Cls, Clz, Rbit,
    // pairwise over Vn:Vm, pairwise lengthening within Vn,
    Smaxp, Umaxp, Sminp, Uminp, Saddlp, Uaddlp, Sadalp, Uadalp,
    // the high halves of sums narrowed, Vm's half-width elements widened,
    Addhn, Raddhn, Subhn, Rsubhn, Saddw, Uaddw, Ssubw, Usubw,
    // and lengthening from half-width sources (with SQDMLAL, SQDMLSL, SQDMULL above).
    Sabal, Uabal, Sabdl, Uabdl, Smlal, Umlal, Smlsl, Umlsl, Smull, Umull, Shll,
}

/// <summary>How the form takes its operands besides Vn: a register Vm, one element of Vm (index in Imm), or an immediate in Imm.</summary>
internal enum ScalarOperand : byte { Register, Element, Immediate }

/// <summary>A scalar AdvSIMD form: the operation, its element size in bytes (the result's for a narrowing form, the sources' for a lengthening one) and its last operand.</summary>
/// <remarks>The vector forms (FCVTZS_v4S_fix, FMULX_v4H, FCMEQ_v2D...) are the same operation on each of <paramref name="Lanes"/> elements.
/// The across-lanes reductions (FMAXV_v4S...) reduce <paramref name="Across"/> elements of Vn.
/// A vector "2" form (SQXTN2, SMLAL2...) writes or reads the upper half: <paramref name="Upper"/>.</remarks>
internal readonly record struct ScalarSimdForm(ScalarOp Op, byte ElementBytes, ScalarOperand Operand, byte Lanes = 1, byte Across = 0,
    bool Upper = false, bool Vector = false);

/// <summary>
/// The scalar AdvSIMD forms read once from the table's Code names — SQADD_B, CMGT_D, SQSHL_H_imm, FMLA_S_elem,
/// FCVTZS_D_fix, SCVTF_S_simd, SQDMLAL_S, ADDP_D — as <see cref="VectorForms"/> reads the vector ones.
/// The _fix forms are the fixed-point conversions (fbits in Imm); _imm and _fix take an immediate, _elem an element.
/// The vector forms no earlier dispatch case executes (SQADD_v8B, FMULX_v4H, SQXTN2_v16B, SMLAL_v4S_elem...) are read
/// here too and run lane by lane on the same operations.
/// </summary>
internal static partial class ScalarSimdForms
{
    private static readonly ScalarSimdForm[] ByCode = Build();

    public static ScalarSimdForm Of(Code code) => (int)code < ByCode.Length ? ByCode[(int)code] : default;

    private static ScalarSimdForm[] Build()
    {
        var codes = Enum.GetValues<Code>();
        var table = new ScalarSimdForm[codes.Max(c => (int)c) + 1];
        foreach (var code in codes)
        {
            if (Across().Match(code.ToString()) is { Success: true } a)
            {
                table[(int)code] = new ScalarSimdForm(Enum.Parse<ScalarOp>(a.Groups["op"].Value, ignoreCase: true),
                    (byte)(a.Groups["t"].Value == "S" ? 4 : 2), ScalarOperand.Register, Across: byte.Parse(a.Groups["lanes"].Value));
                continue;
            }
            if (VectorLanes().Match(code.ToString()) is { Success: true } l
                && Enum.TryParse<ScalarOp>(l.Groups["op"].Value + (l.Groups["zero"].Success ? "0" : ""), ignoreCase: true, out var laneOp)
                && laneOp != ScalarOp.None)
            {
                int laneBytes = l.Groups["t"].Value switch { "B" => 1, "H" => 2, "S" => 4, _ => 8 };
                var laneOperand = l.Groups["suffix"].Value switch { "_elem" => ScalarOperand.Element, "_fix" or "_imm" => ScalarOperand.Immediate, _ => ScalarOperand.Register };
                if (laneOp is >= ScalarOp.Sqshrn and <= ScalarOp.Uqrshrn or >= ScalarOp.Ssra and <= ScalarOp.Sqshlu) laneOperand = ScalarOperand.Immediate;
                if (laneOp is ScalarOp.Fmul or ScalarOp.Fmla or ScalarOp.Fmls && laneOperand != ScalarOperand.Element) continue;
                table[(int)code] = new ScalarSimdForm(laneOp, (byte)laneBytes, laneOperand, byte.Parse(l.Groups["lanes"].Value), Upper: l.Groups["upper"].Success, Vector: true);
                continue;
            }
            var m = Named().Match(code.ToString());
            if (!m.Success) continue;
            string name = m.Groups["op"].Value, suffix = m.Groups["suffix"].Value;
            bool zero = m.Groups["zero"].Success;
            if (!Enum.TryParse<ScalarOp>(name + (zero ? "0" : ""), ignoreCase: true, out var op)) continue;
            int bytes = m.Groups["t"].Value switch { "B" => 1, "H" => 2, "S" => 4, _ => 8 };
            var operand = suffix switch { "_elem" => ScalarOperand.Element, "_imm" or "_fix" => ScalarOperand.Immediate, _ => ScalarOperand.Register };
            // The shifts right (SSRA_D, SQSHRN_B...) and inserts take their immediate with no _imm in the name.
            if (op is >= ScalarOp.Sqshrn and <= ScalarOp.Uqrshrn or >= ScalarOp.Ssra and <= ScalarOp.Sli) operand = ScalarOperand.Immediate;
            // FMUL_S, FMLA... without _elem are scalar FP (fp_dp).
            if (op is ScalarOp.Fmul or ScalarOp.Fmla or ScalarOp.Fmls && operand != ScalarOperand.Element) continue;
            table[(int)code] = new ScalarSimdForm(op, (byte)bytes, operand);
        }
        return table;
    }

    [GeneratedRegex(@"^(?<op>FMAXV|FMINV|FMAXNMV|FMINNMV)_v(?<lanes>[48])(?<t>[HS])$")]
    private static partial Regex Across();

    /// <summary>The vector forms the lane operations serve (those no earlier case or <see cref="VectorForms"/> executes).</summary>
    [GeneratedRegex(@"^(?<op>[A-Z]+?)(?<zero>0)?(?<upper>2)?_v(?<lanes>\d+)(?<t>[BHSD])(?<suffix>_elem|_fix|_imm)?$")]
    private static partial Regex VectorLanes();

    [GeneratedRegex(@"^(?<op>[A-Z]+?)(?<zero>0)?_(?<t>[BHSD])(?<suffix>_elem|_imm|_simd|_fix|_pair)?$")]
    private static partial Regex Named();
}
