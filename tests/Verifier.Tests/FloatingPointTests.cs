using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Tests;

/// <summary>
/// Scalar FP where A64 has rules of its own, on values worked out from the Arm ARM's pseudocode (FPProcessNaNs,
/// FPDefaultNaN, FPMax, FPToFixed, FPConvertNaN). The qemu differential checks the same forms on random bits;
/// these name the cases. Words from GNU as 2.40; operands in v1, v2, v3, the result in v0 or x0.
/// </summary>
public class FloatingPointTests
{
    private const ulong Code = 0x1000;

    private static Machine Run(uint word, ulong v1, ulong v2, ulong v3 = 0)
    {
        var memory = new PhysicalMemory();
        memory.Map(Code, 0x1000, FrameRole.Control);
        memory.Write(Code, new[] { word, 0xD4200000u }.SelectMany(BitConverter.GetBytes).ToArray());   // ...; brk #0
        var m = new Machine(memory, new CpuModel { Mmu = true, ExceptionLevel = 1 }) { MaxSteps = 10 };
        m.Cpu.Pc = Code;
        m.Cpu.SetV(0, ulong.MaxValue, ulong.MaxValue);
        m.Cpu.SetV(1, v1, 0xAAAA);
        m.Cpu.SetV(2, v2, 0xBBBB);
        m.Cpu.SetV(3, v3, 0xCCCC);
        Assert.Equal(StopReason.Trap, m.Run());
        return m;
    }

    private static (ulong Lo, ulong Hi) V0(Machine m) => (m.Cpu.VRegs[0], m.Cpu.VRegs[1]);

    [Theory]
    [InlineData(0x3F80_0000UL, 0x4000_0000UL, 0x4040_0000UL)]   // 1 + 2 = 3, the rest of v0 zeroed
    [InlineData(0x7FC0_0001UL, 0x7F80_0002UL, 0x7FC0_0002UL)]   // a signalling NaN wins over an earlier quiet one, quieted
    [InlineData(0x7FC0_0001UL, 0xFFC0_0002UL, 0x7FC0_0001UL)]   // two quiet NaNs: the first
    [InlineData(0x7F80_0000UL, 0xFF80_0000UL, 0x7FC0_0000UL)]   // inf + -inf: the default NaN, positive (x86's is negative)
    public void Fadd_s(ulong n, ulong m, ulong expected) => Assert.Equal((expected, 0UL), V0(Run(0x1E222820, n, m)));

    [Theory]
    [InlineData(0x8000_0000_0000_0000UL, 0UL, 0UL)]                                    // fmax(-0, +0) = +0
    [InlineData(0x3FF0_0000_0000_0000UL, 0x7FF8_0000_0000_0000UL, 0x7FF8_0000_0000_0000UL)]   // fmax with a quiet NaN: the NaN
    public void Fmax_d(ulong n, ulong m, ulong expected) => Assert.Equal(expected, V0(Run(0x1E624820, n, m)).Lo);

    [Fact]
    public void Fmaxnm_takes_the_number_over_a_quiet_nan() =>
        Assert.Equal(0x3F80_0000UL, V0(Run(0x1E226820, 0x7FC0_0000, 0x3F80_0000)).Lo);   // fmaxnm s0, s1, s2

    [Theory]
    [InlineData(0x41E0_0000_0000_0000UL, 0x7FFF_FFFFUL)]   // 2^31 saturates
    [InlineData(0xC000_0000_0000_0000UL, 0xFFFF_FFFEUL)]   // -2, zero-extended W
    [InlineData(0x7FF8_0000_0000_0000UL, 0UL)]             // NaN gives 0
    [InlineData(0xBFFC_0000_0000_0000UL, 0xFFFF_FFFFUL)]   // -1.75 toward zero: -1
    public void Fcvtzs_w_d(ulong d, ulong x0)
    {
        var m = Run(0x1E780020, d, 0);   // fcvtzs w0, d1
        Assert.Equal(x0, m.Cpu.X[0]);
    }

    [Theory]
    [InlineData(0x4020_0000UL, 3UL)]            // 2.5 ties away: 3
    [InlineData(0xBF80_0000UL, 0UL)]            // -1 to unsigned: 0
    public void Fcvtau_x_s(ulong s, ulong x0) => Assert.Equal(x0, Run(0x9E250020, s, 0).Cpu.X[0]);   // fcvtau x0, s1

    [Fact]
    public void Fsqrt_of_a_negative_number_is_the_default_nan() =>
        Assert.Equal(0x7FF8_0000_0000_0000UL, V0(Run(0x1E61C020, 0xBFF0_0000_0000_0000, 0)).Lo);   // fsqrt d0, d1

    [Fact]
    public void Fmsub_negates_a_nan_multiplicand()
    {
        // fmsub d0, d1, d2, d3 = d3 - d1 * d2: d1 (a quiet NaN) is negated before the NaN is chosen
        var m = Run(0x1F428C20, 0x7FF8_0000_0000_0001, 0x3FF0_0000_0000_0000, 0x3FF0_0000_0000_0000);
        Assert.Equal(0xFFF8_0000_0000_0001UL, V0(m).Lo);
    }

    [Fact]
    public void Fcvt_d_to_s_keeps_the_top_of_a_nan_payload_and_quiets_it() =>
        Assert.Equal(0xFFC0_0001UL, V0(Run(0x1E624020, 0xFFF0_0000_2000_0000, 0)).Lo);   // fcvt s0, d1 of a signalling NaN

    [Fact]
    public void Frinta_keeps_the_sign_of_a_zero() =>
        Assert.Equal(0x8000_0000_0000_0000UL, V0(Run(0x1E664020, 0xBFD0_0000_0000_0000, 0)).Lo);   // frinta d0, d1 of -0.25

    private static Machine RunSystem(uint[] words, ulong x0)
    {
        var memory = new PhysicalMemory();
        memory.Map(Code, 0x1000, FrameRole.Control);
        memory.Write(Code, words.Append(0xD4200000u).SelectMany(BitConverter.GetBytes).ToArray());
        var m = new Machine(memory, new CpuModel { Mmu = true, ExceptionLevel = 0 }) { MaxSteps = 10 };
        m.Cpu.Pc = Code;
        m.Cpu.X[0] = x0;
        m.Run();
        return m;
    }

    [Theory]
    [InlineData(0xD51B4400u, 0xD53B4401u, 0x9F00UL, 0UL)]                       // msr/mrs fpcr: the trap enables read as zero
    [InlineData(0xD51B4420u, 0xD53B4421u, 0x0800_009FUL, 0x0800_009FUL)]        // msr/mrs fpsr
    public void Fpcr_and_fpsr_read_back_at_el0(uint msr, uint mrs, ulong written, ulong read)
    {
        var m = RunSystem([msr, mrs], written);
        Assert.Null(m.LastFault);
        Assert.Equal(read, m.Cpu.X[1]);
    }

    [Fact]
    public void Fpcr_with_a_rounding_mode_the_emulator_does_not_follow_stops_the_run()
    {
        var m = RunSystem([0xD51B4400], 0x0040_0000);   // msr fpcr, x0: RMode = round towards plus infinity
        Assert.Equal(FaultKind.Unimplemented, m.LastFault!.Kind);
        Assert.Equal("FPCR 0x400000 asks for an FP mode this emulator does not follow (it runs round to nearest, no flush to zero, NaNs propagated)", m.LastFault.Detail);
    }

    [Theory]
    [InlineData(0x3F80_0000UL, 0x3F80_0000UL, 0x6000_0000u)]
    [InlineData(0x3F80_0000UL, 0x4000_0000UL, 0x8000_0000u)]
    [InlineData(0x4000_0000UL, 0x3F80_0000UL, 0x2000_0000u)]
    [InlineData(0x7FC0_0000UL, 0x3F80_0000UL, 0x3000_0000u)]
    public void Fcmp_s_sets_nzcv(ulong n, ulong m, uint nzcv) => Assert.Equal(nzcv, Run(0x1E222020, n, m).Cpu.Nzcv);
}
