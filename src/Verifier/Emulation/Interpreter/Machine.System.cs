using A64Asm.Isa.Decoding;
using A64Asm.Verifier.Caches;

namespace A64Asm.Verifier.Emulation;

/// <summary>System instructions: MRS/MSR, cache and TLB maintenance, barriers, exception return.</summary>
public sealed partial class Machine
{
    private static (int Op0, int Op1, int CRn, int CRm, int Op2) SysFields(ushort sys) =>
        (sys >> 14, (sys >> 11) & 7, (sys >> 7) & 15, (sys >> 3) & 15, sys & 7);

    /// <summary>The lowest EL that may access a system register, from its op1 (the Arm ARM's encoding convention).</summary>
    private static int RequiredEl(int op1) => op1 switch { 3 => 0, 4 => 2, 5 => 2, 6 => 3, 7 => 3, _ => 1 };

    private void Mrs(in Instruction i) => Mrs(i.Sys, i.Rt);

    internal void Mrs(ushort sys, int rt)
    {
        uint key = sys;
        var f = SysFields(sys);
        if (Cpu.El < RequiredEl(f.Op1) && key != SystemRegisters.NZCV && key != SystemRegisters.CTR_EL0 && key != SystemRegisters.TPIDR_EL0 && key != SystemRegisters.DCZID_EL0)
            Fault(FaultKind.Undefined, _pc, $"mrs of {SystemRegisters.Name(key)} at EL{Cpu.El}");
        ulong v;
        if (key == SystemRegisters.NZCV) v = Cpu.Nzcv;
        else if (key == SystemRegisters.CURRENTEL) v = (ulong)Cpu.El << 2;
        else if (key == SystemRegisters.FPCR) v = Cpu.Fpcr;
        else if (key == SystemRegisters.FPSR) v = Cpu.Fpsr;
        else v = Cpu.Sys[key];
        Cpu.SetXzr(rt, v);
    }

    private void Msr(in Instruction i)
    {
        uint key = i.Sys;
        var f = SysFields(i.Sys);
        ulong v = Cpu.X[i.Rt];
        if (key == SystemRegisters.NZCV) { Cpu.Nzcv = (uint)(v & 0xF000_0000); return; }
        if (Cpu.El < RequiredEl(f.Op1) && key != SystemRegisters.TPIDR_EL0)
            Fault(FaultKind.Undefined, _pc, $"msr to {SystemRegisters.Name(key)} at EL{Cpu.El}");
        if (key == SystemRegisters.FPCR) { WriteFpcr(v); return; }
        if (key == SystemRegisters.FPSR) { Cpu.Fpsr = (uint)v; return; }
        Cpu.Sys[key] = v;
        // SCTLR decides alignment checking and cacheability: the TLB caches both.
        if (key == SystemRegisters.SCTLR_EL1 || key == SystemRegisters.SCTLR_EL2 || key == SystemRegisters.SCTLR_EL3) FlushTlb();
        // Under a kernel map the tables decide the translation the TLB caches.
        else if (KernelMap is not null && (key == SystemRegisters.TTBR0_EL1 || key == SystemRegisters.TTBR1_EL1)) FlushTlb();
    }

    /// <summary>
    /// FPCR bits the FP definitions do not follow (FloatingPoint runs at the reset value): AHP, DN, FZ, RMode, FZ16
    /// and FEAT_AFP's AH, FIZ, NEP. Writing one stops the run rather than compute under another mode. The
    /// exception trap enables are RAZ/WI here, as on cores that do not trap FP exceptions.
    /// </summary>
    private const uint FpcrModes = 0x07C8_0007, FpcrTrapEnables = 0x9F00;

    private void WriteFpcr(ulong v)
    {
        if ((v & FpcrModes) != 0)
            Fault(FaultKind.Unimplemented, _pc, $"FPCR 0x{v:x} asks for an FP mode this emulator does not follow (it runs round to nearest, no flush to zero, NaNs propagated)");
        Cpu.Fpcr = (uint)(v & ~(ulong)FpcrTrapEnables);
    }

    /// <summary>SYS: the DC and IC operations by their (op1, CRn, CRm, op2); TLBI and AT have no effect with the MMU off.</summary>
    private void Sys(in Instruction i) => Sys(i.Sys, i.Rt);

    internal void Sys(ushort sys, int rt)
    {
        var (_, op1, crn, crm, op2) = SysFields(sys);
        ulong x = Cpu.X[rt];
        if (crn == 7)
        {
            switch (op1, crm, op2)
            {
                case (0, 1, 0): case (0, 5, 0): InvalidateInstructionCacheAll(); return;   // ic ialluis, ic iallu
                case (3, 5, 1): InvalidateInstructionCacheLine(x); return;                  // ic ivau
                case (0, 6, 1): MaintainDataCache(DataMaintenance.InvalidateToPoC, x); return;       // dc ivac
                case (3, 10, 1): MaintainDataCache(DataMaintenance.CleanToPoC, x); return;           // dc cvac
                case (3, 14, 1): MaintainDataCache(DataMaintenance.CleanInvalidateToPoC, x); return; // dc civac
                case (3, 11, 1): case (3, 12, 1): case (3, 13, 1):                                  // dc cvau, cvap, cvadp
                    MaintainDataCache(DataMaintenance.CleanToPoU, x); return;
                case (3, 4, 1): MaintainDataCache(DataMaintenance.ZeroByVa, x); return;               // dc zva
                case (0, 6, 2): case (0, 10, 2): case (0, 14, 2):                                   // dc isw, csw, cisw
                    Counters.CacheMaintenance++; return;
            }
            if (crm is 8 or 9) return;   // at: address translation, nothing to translate with the MMU off
        }
        if (crn == 8)   // tlbi
        {
            Counters.CacheMaintenance++;
            if (KernelMap is not null) FlushTlb();
            return;
        }
        Fault(FaultKind.Unimplemented, _pc, $"sys #{op1}, C{crn}, C{crm}, #{op2} is not modelled");
    }

    internal void Barrier() => Counters.Barriers++;

    /// <summary>ERET: PC from ELR_ELx, PSTATE (EL and NZCV) from SPSR_ELx.</summary>
    private ulong ExceptionReturn()
    {
        if (Cpu.El == 0) Fault(FaultKind.Undefined, _pc, "eret at EL0");
        uint elr = Cpu.El switch { 3 => SystemRegisters.ELR_EL3, 2 => SystemRegisters.ELR_EL2, _ => SystemRegisters.ELR_EL1 };
        uint spsrKey = Cpu.El switch { 3 => SystemRegisters.SPSR_EL3, 2 => SystemRegisters.SPSR_EL2, _ => SystemRegisters.SPSR_EL1 };
        ulong spsr = Cpu.Sys[spsrKey];
        int target = (int)((spsr >> 2) & 3);
        if (target > Cpu.El) Fault(FaultKind.Undefined, _pc, $"eret to EL{target} from EL{Cpu.El}");
        Cpu.El = target;
        Cpu.Nzcv = (uint)(spsr & 0xF000_0000);
        FlushTlb();
        return Cpu.Sys[elr];
    }
}
