using A64Asm.Isa.Model;
using A64Asm.Isa.Operands;
using A64Asm.Isa.Tables;

namespace A64Asm.Isa.Encoding;

/// <summary>Operand kinds of SME's PSTATE switches (sme-pstate.isa): msr svcrsm, #1 and smstart/smstop sm|za.</summary>
internal static partial class OperandEncoder
{
    static OperandMatch EncodeSme(OperandSpec spec, Operand op, ref EncodeState st)
    {
        switch (spec.Kind)
        {
            case OperandKind.SvcrField:
                // One bit, as the other one-bit PSTATE fields: GNU's "immediate value out of range 0 to 1".
                st.ImmediateLimit = 2;
                return Named(spec, op, SideTables.SvcrFields, "PSTATE field", -1, ref st);
            case OperandKind.SmeMode:
            {
                // The field's value: 01 = streaming mode, 10 = ZA; both (11) is the operand left out.
                // "za" reads as SME's whole ZA array (a scalable register), "sm" as a name.
                string? mode = op is ScalableRegOperand { File: ScalableFile.ZA, Num: -1, Arrangement: Arrangement.None, Index: -1 }
                    ? "za" : WrittenName(op)?.ToLowerInvariant();
                if (mode is not ("sm" or "za")) return st.Shape(spec.Kind);
                st.Word = spec.F0.Insert(st.Word, mode == "sm" ? 1u : 2u);
                return OperandMatch.Ok;
            }
            default:
                throw new UnhandledOperandKindException(spec.Kind, "encoder");
        }
    }
}
