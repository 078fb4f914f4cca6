using A64Asm.Isa.Model;

namespace A64Asm.Isa.Encoding;

/// <summary>
/// GNU as's names for the register type an operand takes, as in its "operand N must be ..." (given a register of another
/// type, or no register). A register of the right type with the wrong width or arrangement is "operand mismatch" instead.
/// </summary>
internal static class GnuRegisterWords
{
    /// <summary>The words for <paramref name="kind"/> in a form whose fixed bits are <paramref name="word"/>; null
    /// where GNU has none of its own (our "expected ..." stays).</summary>
    public static string? For(OperandKind kind, uint word) => kind switch
    {
        OperandKind.W or OperandKind.X or OperandKind.TbReg => "an integer register",
        OperandKind.Wsp or OperandKind.Xsp => "an integer or stack pointer register",
        // GNU's Sd/Sn/Sm of the AdvSIMD scalar class against Fd/Fn/Fm of the floating-point one.
        OperandKind.Fp => IsAdvSimdScalar(word) ? "a SIMD scalar register" : "a floating-point register",
        OperandKind.V => "a SIMD vector register",
        _ => null,
    };

    /// <summary>AdvSIMD scalar encodings: bits 31..28 = 01x1, 27..25 = 111 (0x5e, 0x5f, 0x7e, 0x7f).</summary>
    static bool IsAdvSimdScalar(uint word) => (word & 0xde00_0000) == 0x5e00_0000;
}
