using System.Text.RegularExpressions;
using A64Asm.Isa;

namespace A64Asm.Verifier.Emulation;

/// <summary>The element-wise, shift, across-lanes and permute operations of AdvSIMD integer forms, named as their mnemonics.</summary>
internal enum VectorOp : byte
{
    None,
    Add, Sub, Mul, Cmeq, Cmgt, Cmhi, Cmge, Cmhs, Cmtst, Umax, Umin, Smax, Smin,
    And, Bic, Orr, Orn, Eor, Bsl, Bit, Bif,
    Rev64, Rev32, Rev16, Cnt, Not, Abs, Neg, Cmeq0, Cmgt0, Cmge0, Cmle0, Cmlt0,
    Sshr, Ushr, Ssra, Usra, Sri, Shl, Sli,
    // Narrowing (the result's elements half the source's) and lengthening (twice): the "2" forms use the upper half.
    Xtn, Shrn, Rshrn, Sshll, Ushll, Saddl, Uaddl, Ssubl, Usubl, Smlal, Umlal, Smlsl, Umlsl, Smull, Umull,
    // Floating point, lane by lane on FloatingPoint (FCVTN/FCVTL narrow and lengthen like the integer forms above).
    Fadd, Fsub, Fmul, Fdiv, Fmla, Fmls, Fmax, Fmin, Fabd, Faddp, Fabs, Fneg, Fsqrt,
    Fcvtns, Fcvtnu, Fcvtms, Fcvtmu, Fcvtas, Fcvtau, Fcvtps, Fcvtpu, Fcvtzs, Fcvtzu, Scvtf, Ucvtf,
    Frintn, Frintm, Frintp, Frintz, Frinta, Frintx, Frinti, Fcvtn, Fcvtl,
    Addv, Smaxv, Umaxv, Sminv, Uminv, Saddlv, Uaddlv,
    Uzp1, Uzp2, Trn1, Trn2, Zip1, Zip2,
}

/// <summary>
/// What a vector form does: the operation, the (result's) element size in bytes, whether the vector is 128 bits, and
/// for a narrowing or lengthening form whether it is the "2" one, on the upper half.
/// </summary>
internal readonly record struct VectorForm(VectorOp Op, byte ElementBytes, bool Full, bool Upper = false);

/// <summary>
/// The vector forms the table names MNEMONIC_vNT (ADD_v16B, UZP1_v4H, ADDV_v8H...): their Code says the operation
/// and the arrangement, so the table is read once from the Code names instead of a case per form. A form whose
/// mnemonic is not a <see cref="VectorOp"/> is not executed.
/// </summary>
internal static partial class VectorForms
{
    private static readonly VectorForm[] ByCode = Build();

    public static VectorForm Of(Code code) => (int)code < ByCode.Length ? ByCode[(int)code] : default;

    private static VectorForm[] Build()
    {
        var codes = Enum.GetValues<Code>();
        var table = new VectorForm[codes.Max(c => (int)c) + 1];
        foreach (var code in codes)
        {
            var m = Arranged().Match(code.ToString());
            if (!m.Success) continue;
            string name = m.Groups["op"].Value;
            bool upper = false;
            if (!Enum.TryParse<VectorOp>(name, ignoreCase: true, out var op) && name.EndsWith('2')
                && Enum.TryParse(name[..^1], ignoreCase: true, out op) && op >= VectorOp.Xtn)
                upper = true;   // XTN2, SSHLL2, SMULL2... (UZP2, TRN2, ZIP2 are operations of their own)
            if (op == VectorOp.None || (!upper && name != op.ToString().ToUpperInvariant())) continue;
            int lanes = int.Parse(m.Groups["lanes"].Value);
            int bytes = m.Groups["t"].Value switch { "B" => 1, "H" => 2, "S" => 4, _ => 8 };
            table[(int)code] = new VectorForm(op, (byte)bytes, lanes * bytes == 16, upper);
        }
        return table;
    }

    [GeneratedRegex(@"^(?<op>[A-Z0-9]+)_v(?<lanes>\d+)(?<t>[BHSD])$")]
    private static partial Regex Arranged();
}
