using System.Numerics;
using A64Asm.Isa;
using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Dispatch, continued: the extension rows of issue 18 that are integer or flag operations — CRC32, LSE atomics,
/// RCpc2, FlagM/FlagM2, CSSC — and the timeout waits.
/// </summary>
public sealed partial class Machine
{
    private void ExecuteExtension(ref Instruction i, ulong pc)
    {
        var x = Cpu.X;
        switch (i.Code)
        {
            case Code.CRC32B: Crc(i, 1, false); break;
            case Code.CRC32H: Crc(i, 2, false); break;
            case Code.CRC32W: Crc(i, 4, false); break;
            case Code.CRC32X: Crc(i, 8, false); break;
            case Code.CRC32CB: Crc(i, 1, true); break;
            case Code.CRC32CH: Crc(i, 2, true); break;
            case Code.CRC32CW: Crc(i, 4, true); break;
            case Code.CRC32CX: Crc(i, 8, true); break;

            case Code.LDADDB: case Code.LDADDAB: case Code.LDADDLB: case Code.LDADDALB: AtomicMemory(i, AtomicOp.Add, 1); break;
            case Code.LDADDH: case Code.LDADDAH: case Code.LDADDLH: case Code.LDADDALH: AtomicMemory(i, AtomicOp.Add, 2); break;
            case Code.LDADD_32: case Code.LDADDA_32: case Code.LDADDL_32: case Code.LDADDAL_32: AtomicMemory(i, AtomicOp.Add, 4); break;
            case Code.LDADD_64: case Code.LDADDA_64: case Code.LDADDL_64: case Code.LDADDAL_64: AtomicMemory(i, AtomicOp.Add, 8); break;
            case Code.LDCLRB: case Code.LDCLRAB: case Code.LDCLRLB: case Code.LDCLRALB: AtomicMemory(i, AtomicOp.Clear, 1); break;
            case Code.LDCLRH: case Code.LDCLRAH: case Code.LDCLRLH: case Code.LDCLRALH: AtomicMemory(i, AtomicOp.Clear, 2); break;
            case Code.LDCLR_32: case Code.LDCLRA_32: case Code.LDCLRL_32: case Code.LDCLRAL_32: AtomicMemory(i, AtomicOp.Clear, 4); break;
            case Code.LDCLR_64: case Code.LDCLRA_64: case Code.LDCLRL_64: case Code.LDCLRAL_64: AtomicMemory(i, AtomicOp.Clear, 8); break;
            case Code.LDEORB: case Code.LDEORAB: case Code.LDEORLB: case Code.LDEORALB: AtomicMemory(i, AtomicOp.Eor, 1); break;
            case Code.LDEORH: case Code.LDEORAH: case Code.LDEORLH: case Code.LDEORALH: AtomicMemory(i, AtomicOp.Eor, 2); break;
            case Code.LDEOR_32: case Code.LDEORA_32: case Code.LDEORL_32: case Code.LDEORAL_32: AtomicMemory(i, AtomicOp.Eor, 4); break;
            case Code.LDEOR_64: case Code.LDEORA_64: case Code.LDEORL_64: case Code.LDEORAL_64: AtomicMemory(i, AtomicOp.Eor, 8); break;
            case Code.LDSETB: case Code.LDSETAB: case Code.LDSETLB: case Code.LDSETALB: AtomicMemory(i, AtomicOp.Set, 1); break;
            case Code.LDSETH: case Code.LDSETAH: case Code.LDSETLH: case Code.LDSETALH: AtomicMemory(i, AtomicOp.Set, 2); break;
            case Code.LDSET_32: case Code.LDSETA_32: case Code.LDSETL_32: case Code.LDSETAL_32: AtomicMemory(i, AtomicOp.Set, 4); break;
            case Code.LDSET_64: case Code.LDSETA_64: case Code.LDSETL_64: case Code.LDSETAL_64: AtomicMemory(i, AtomicOp.Set, 8); break;
            case Code.LDSMAXB: case Code.LDSMAXAB: case Code.LDSMAXLB: case Code.LDSMAXALB: AtomicMemory(i, AtomicOp.SignedMax, 1); break;
            case Code.LDSMAXH: case Code.LDSMAXAH: case Code.LDSMAXLH: case Code.LDSMAXALH: AtomicMemory(i, AtomicOp.SignedMax, 2); break;
            case Code.LDSMAX_32: case Code.LDSMAXA_32: case Code.LDSMAXL_32: case Code.LDSMAXAL_32: AtomicMemory(i, AtomicOp.SignedMax, 4); break;
            case Code.LDSMAX_64: case Code.LDSMAXA_64: case Code.LDSMAXL_64: case Code.LDSMAXAL_64: AtomicMemory(i, AtomicOp.SignedMax, 8); break;
            case Code.LDSMINB: case Code.LDSMINAB: case Code.LDSMINLB: case Code.LDSMINALB: AtomicMemory(i, AtomicOp.SignedMin, 1); break;
            case Code.LDSMINH: case Code.LDSMINAH: case Code.LDSMINLH: case Code.LDSMINALH: AtomicMemory(i, AtomicOp.SignedMin, 2); break;
            case Code.LDSMIN_32: case Code.LDSMINA_32: case Code.LDSMINL_32: case Code.LDSMINAL_32: AtomicMemory(i, AtomicOp.SignedMin, 4); break;
            case Code.LDSMIN_64: case Code.LDSMINA_64: case Code.LDSMINL_64: case Code.LDSMINAL_64: AtomicMemory(i, AtomicOp.SignedMin, 8); break;
            case Code.LDUMAXB: case Code.LDUMAXAB: case Code.LDUMAXLB: case Code.LDUMAXALB: AtomicMemory(i, AtomicOp.UnsignedMax, 1); break;
            case Code.LDUMAXH: case Code.LDUMAXAH: case Code.LDUMAXLH: case Code.LDUMAXALH: AtomicMemory(i, AtomicOp.UnsignedMax, 2); break;
            case Code.LDUMAX_32: case Code.LDUMAXA_32: case Code.LDUMAXL_32: case Code.LDUMAXAL_32: AtomicMemory(i, AtomicOp.UnsignedMax, 4); break;
            case Code.LDUMAX_64: case Code.LDUMAXA_64: case Code.LDUMAXL_64: case Code.LDUMAXAL_64: AtomicMemory(i, AtomicOp.UnsignedMax, 8); break;
            case Code.LDUMINB: case Code.LDUMINAB: case Code.LDUMINLB: case Code.LDUMINALB: AtomicMemory(i, AtomicOp.UnsignedMin, 1); break;
            case Code.LDUMINH: case Code.LDUMINAH: case Code.LDUMINLH: case Code.LDUMINALH: AtomicMemory(i, AtomicOp.UnsignedMin, 2); break;
            case Code.LDUMIN_32: case Code.LDUMINA_32: case Code.LDUMINL_32: case Code.LDUMINAL_32: AtomicMemory(i, AtomicOp.UnsignedMin, 4); break;
            case Code.LDUMIN_64: case Code.LDUMINA_64: case Code.LDUMINL_64: case Code.LDUMINAL_64: AtomicMemory(i, AtomicOp.UnsignedMin, 8); break;
            case Code.SWPB: case Code.SWPAB: case Code.SWPLB: case Code.SWPALB: AtomicMemory(i, AtomicOp.Swap, 1); break;
            case Code.SWPH: case Code.SWPAH: case Code.SWPLH: case Code.SWPALH: AtomicMemory(i, AtomicOp.Swap, 2); break;
            case Code.SWP_32: case Code.SWPA_32: case Code.SWPL_32: case Code.SWPAL_32: AtomicMemory(i, AtomicOp.Swap, 4); break;
            case Code.SWP_64: case Code.SWPA_64: case Code.SWPL_64: case Code.SWPAL_64: AtomicMemory(i, AtomicOp.Swap, 8); break;
            case Code.CASB: case Code.CASAB: case Code.CASLB: case Code.CASALB: CompareAndSwap(i, 1); break;
            case Code.CASH: case Code.CASAH: case Code.CASLH: case Code.CASALH: CompareAndSwap(i, 2); break;
            case Code.CAS_32: case Code.CASA_32: case Code.CASL_32: case Code.CASAL_32: CompareAndSwap(i, 4); break;
            case Code.CAS_64: case Code.CASA_64: case Code.CASL_64: case Code.CASAL_64: CompareAndSwap(i, 8); break;
            case Code.CASP_32: case Code.CASPA_32: case Code.CASPL_32: case Code.CASPAL_32: CompareAndSwapPair(i, 4); break;
            case Code.CASP_64: case Code.CASPA_64: case Code.CASPL_64: case Code.CASPAL_64: CompareAndSwapPair(i, 8); break;

            case Code.LDAPURB: LoadInt(i.Rt, OrderedAddress(i, 1, "load-acquire"), 1, false, false); break;
            case Code.LDAPURH: LoadInt(i.Rt, OrderedAddress(i, 2, "load-acquire"), 2, false, false); break;
            case Code.LDAPUR_32: LoadInt(i.Rt, OrderedAddress(i, 4, "load-acquire"), 4, false, false); break;
            case Code.LDAPUR_64: LoadInt(i.Rt, OrderedAddress(i, 8, "load-acquire"), 8, false, true); break;
            case Code.LDAPURSB_32: LoadInt(i.Rt, OrderedAddress(i, 1, "load-acquire"), 1, true, false); break;
            case Code.LDAPURSB_64: LoadInt(i.Rt, OrderedAddress(i, 1, "load-acquire"), 1, true, true); break;
            case Code.LDAPURSH_32: LoadInt(i.Rt, OrderedAddress(i, 2, "load-acquire"), 2, true, false); break;
            case Code.LDAPURSH_64: LoadInt(i.Rt, OrderedAddress(i, 2, "load-acquire"), 2, true, true); break;
            case Code.LDAPURSW: LoadInt(i.Rt, OrderedAddress(i, 4, "load-acquire"), 4, true, true); break;
            case Code.STLURB: StoreInt(Cpu.Xzr(i.Rt), OrderedAddress(i, 1, "store-release"), 1); break;
            case Code.STLURH: StoreInt(Cpu.Xzr(i.Rt), OrderedAddress(i, 2, "store-release"), 2); break;
            case Code.STLUR_32: StoreInt(Cpu.Xzr(i.Rt), OrderedAddress(i, 4, "store-release"), 4); break;
            case Code.STLUR_64: StoreInt(Cpu.Xzr(i.Rt), OrderedAddress(i, 8, "store-release"), 8); break;

            // FlagM and FlagM2: NZCV from a register, or rearranged between the Arm and the "external" FP compare layouts.
            case Code.CFINV: Cpu.Nzcv ^= CBit; break;
            case Code.RMIF: Cpu.Nzcv = FlagManipulation.RotateIntoFlags(Cpu.Nzcv, x[i.Rn], (int)i.Imm, (uint)i.Imm2); break;
            case Code.SETF8: Cpu.Nzcv = FlagManipulation.SetFromNarrow(Cpu.Nzcv, (uint)x[i.Rn], 8); break;
            case Code.SETF16: Cpu.Nzcv = FlagManipulation.SetFromNarrow(Cpu.Nzcv, (uint)x[i.Rn], 16); break;
            case Code.AXFLAG: Cpu.Nzcv = FlagManipulation.ArmToExternal(Cpu.Nzcv); break;
            case Code.XAFLAG: Cpu.Nzcv = FlagManipulation.ExternalToArm(Cpu.Nzcv); break;

            // CSSC
            case Code.ABS_32: SetX(i, (ulong)Math.Abs((long)(int)x[i.Rn]), false); break;
            case Code.ABS_64: SetX(i, (ulong)(x[i.Rn] >> 63 != 0 ? 0 - x[i.Rn] : x[i.Rn]), true); break;
            case Code.CNT_32: SetX(i, (ulong)BitOperations.PopCount((uint)x[i.Rn]), false); break;
            case Code.CNT_64: SetX(i, (ulong)BitOperations.PopCount(x[i.Rn]), true); break;
            case Code.CTZ_32: SetX(i, (ulong)BitOperations.TrailingZeroCount((uint)x[i.Rn]), false); break;
            case Code.CTZ_64: SetX(i, (ulong)BitOperations.TrailingZeroCount(x[i.Rn]), true); break;
            case Code.SMAX_32_reg: MinMax(i, x[i.Rm], false, true, true); break;
            case Code.SMAX_64_reg: MinMax(i, x[i.Rm], true, true, true); break;
            case Code.SMIN_32_reg: MinMax(i, x[i.Rm], false, true, false); break;
            case Code.SMIN_64_reg: MinMax(i, x[i.Rm], true, true, false); break;
            case Code.UMAX_32_reg: MinMax(i, x[i.Rm], false, false, true); break;
            case Code.UMAX_64_reg: MinMax(i, x[i.Rm], true, false, true); break;
            case Code.UMIN_32_reg: MinMax(i, x[i.Rm], false, false, false); break;
            case Code.UMIN_64_reg: MinMax(i, x[i.Rm], true, false, false); break;
            case Code.SMAX_32_imm: MinMax(i, (ulong)i.Imm, false, true, true); break;
            case Code.SMAX_64_imm: MinMax(i, (ulong)i.Imm, true, true, true); break;
            case Code.SMIN_32_imm: MinMax(i, (ulong)i.Imm, false, true, false); break;
            case Code.SMIN_64_imm: MinMax(i, (ulong)i.Imm, true, true, false); break;
            case Code.UMAX_32_imm: MinMax(i, (ulong)i.Imm, false, false, true); break;
            case Code.UMAX_64_imm: MinMax(i, (ulong)i.Imm, true, false, true); break;
            case Code.UMIN_32_imm: MinMax(i, (ulong)i.Imm, false, false, false); break;
            case Code.UMIN_64_imm: MinMax(i, (ulong)i.Imm, true, false, false); break;

            // Waits with a timeout: like WFE/WFI, nothing to wait for on one PE with no interrupts.
            case Code.WFET: case Code.WFIT: break;
            default: ExecuteVector(ref i, pc); break;
        }
    }

    private const uint CBit = 0x2000_0000;

    /// <summary>CRC32{,C}{B,H,W,X} Wd, Wn, {W,X}m: the accumulator in Wn, the data in the low bytes of Rm.</summary>
    private void Crc(in Instruction i, int bytes, bool castagnoli) =>
        Cpu.SetXzr(i.Rd, Checksums.Crc((uint)Cpu.X[i.Rn], Cpu.X[i.Rm], bytes, castagnoli));

    /// <summary>SMAX/SMIN/UMAX/UMIN, register or immediate (the immediate already sign- or zero-extended by the decoder).</summary>
    private void MinMax(in Instruction i, ulong m, bool is64, bool signed, bool max)
    {
        ulong n = Cpu.X[i.Rn];
        bool nFirst;
        if (signed)
        {
            long a = is64 ? (long)n : (int)n, b = is64 ? (long)m : (int)m;
            nFirst = max ? a >= b : a <= b;
        }
        else
        {
            ulong a = is64 ? n : (uint)n, b = is64 ? m : (uint)m;
            nFirst = max ? a >= b : a <= b;
        }
        SetX(i, nFirst ? n : m, is64);
    }
}
