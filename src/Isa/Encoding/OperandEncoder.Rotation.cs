using A64Asm.Isa.Model;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Encoding;

internal static partial class OperandEncoder
{
    /// <summary>
    /// fcmla's #0/#90/#180/#270 (rot = degrees / 90) and fcadd's #90/#270 (rot = 0 for 90, 1 for 270): the
    /// complex-number rotations, refused in GNU's words for any other angle.
    /// </summary>
    static OperandMatch Rotation(OperandSpec spec, Operand op, ref EncodeState st)
    {
        if (op is not ImmOperand imm) return st.Shape(spec.Kind);
        if (spec.Kind == OperandKind.Rot4)
        {
            if (imm.Value is not (0 or 90 or 180 or 270)) return st.Message("rotate expected to be 0, 90, 180 or 270");
            st.Word = spec.F0.Insert(st.Word, (uint)(imm.Value / 90));
            return OperandMatch.Ok;
        }
        if (imm.Value is not (90 or 270)) return st.Message("rotate expected to be 90 or 270");
        st.Word = spec.F0.Insert(st.Word, imm.Value == 270 ? 1u : 0u);
        return OperandMatch.Ok;
    }

    /// <summary>The rotation in degrees a Rot4/Rot2 field holds.</summary>
    internal static int RotationDegrees(OperandSpec spec, uint field) =>
        spec.Kind == OperandKind.Rot4 ? (int)field * 90 : field == 0 ? 90 : 270;
}
