using A64Asm.Isa;
using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>Dispatch, continued: the BFloat16 forms (simd_bf16) on <see cref="FloatingPoint"/>'s BFloat16 operations.</summary>
public sealed partial class Machine
{
    private void ExecuteBFloat16(ref Instruction i)
    {
        ulong lo = 0, hi = 0;
        switch (i.Code)
        {
            case Code.BFCVT: Cpu.SetV(i.Rd, FloatingPoint.ToBFloat16((uint)Cpu.VRegs[2 * i.Rn]), 0); return;
            case Code.BFCVTN: case Code.BFCVTN2:   // four singles to the lower half (upper zeroed) or, as BFCVTN2, the upper half
            {
                bool upper = i.Code == Code.BFCVTN2;
                for (int e = 0; e < 4; e++)
                    PutElement(ref lo, ref hi, 2, upper ? e + 4 : e, FloatingPoint.ToBFloat16((uint)Cpu.VElement(i.Rn, 4, e)));
                Cpu.SetV(i.Rd, upper ? Cpu.VRegs[2 * i.Rd] : lo, upper ? hi : 0);
                return;
            }
            case Code.BFDOT_v2S: case Code.BFDOT_v4S: case Code.BFDOT_v2S_elem: case Code.BFDOT_v4S_elem:
            {
                bool full = i.Code is Code.BFDOT_v4S or Code.BFDOT_v4S_elem, element = i.Code is Code.BFDOT_v2S_elem or Code.BFDOT_v4S_elem;
                for (int e = 0; e < (full ? 4 : 2); e++)
                    PutElement(ref lo, ref hi, 4, e, FloatingPoint.BFloat16DotAdd((uint)Cpu.VElement(i.Rd, 4, e),
                        (uint)Cpu.VElement(i.Rn, 4, e), (uint)Cpu.VElement(i.Rm, 4, element ? (int)i.Imm : e)));
                Cpu.SetV(i.Rd, lo, full ? hi : 0);
                return;
            }
            case Code.BFMMLA:   // Vd (2x2 singles) += Vn (2x4 bfloat16) times Vm (2x4) transposed, a pair of elements at a time
                for (int r = 0; r < 2; r++)
                    for (int c = 0; c < 2; c++)
                    {
                        uint sum = (uint)Cpu.VElement(i.Rd, 4, 2 * r + c);
                        sum = FloatingPoint.BFloat16DotAdd(sum, (uint)Cpu.VElement(i.Rn, 4, 2 * r), (uint)Cpu.VElement(i.Rm, 4, 2 * c));
                        sum = FloatingPoint.BFloat16DotAdd(sum, (uint)Cpu.VElement(i.Rn, 4, 2 * r + 1), (uint)Cpu.VElement(i.Rm, 4, 2 * c + 1));
                        PutElement(ref lo, ref hi, 4, 2 * r + c, sum);
                    }
                Cpu.SetV(i.Rd, lo, hi);
                return;
            case Code.BFMLALB: case Code.BFMLALT: case Code.BFMLALB_elem: case Code.BFMLALT_elem:
            {
                int odd = i.Code is Code.BFMLALT or Code.BFMLALT_elem ? 1 : 0;
                bool element = i.Code is Code.BFMLALB_elem or Code.BFMLALT_elem;
                for (int e = 0; e < 4; e++)
                {
                    ulong n = Cpu.VElement(i.Rn, 2, 2 * e + odd) << 16, m = Cpu.VElement(i.Rm, 2, element ? (int)i.Imm : 2 * e + odd) << 16;
                    PutElement(ref lo, ref hi, 4, e, FloatingPoint.MulAdd(Cpu.VElement(i.Rd, 4, e), n, m, FpSize.S));
                }
                Cpu.SetV(i.Rd, lo, hi);
                return;
            }
            default: Unimplemented(i); return;
        }
    }
}
