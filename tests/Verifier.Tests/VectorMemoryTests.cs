using A64Asm.Verifier.Emulation;

namespace A64Asm.Verifier.Tests;

/// <summary>
/// FP/SIMD loads and stores where the qemu differential (little-endian, user mode) cannot reach: big-endian data,
/// and exact register contents worked out by hand. Words from GNU as 2.40.
/// </summary>
public class VectorMemoryTests
{
    private const ulong Code = 0x1000, Data = 0x10000;

    private static Machine Run(uint[] words, bool bigEndian, Action<Machine>? setup = null)
    {
        var memory = new PhysicalMemory();
        memory.Map(Code, 0x1000, FrameRole.Control);
        memory.Map(Data, 0x1000, FrameRole.Ram);
        memory.Write(Code, words.Append(0xD4200000u).SelectMany(BitConverter.GetBytes).ToArray());   // ...; brk #0
        memory.Write(Data, Enumerable.Range(0, 64).Select(b => (byte)b).ToArray());
        var m = new Machine(memory, new CpuModel { Mmu = true, ExceptionLevel = 1, BigEndian = bigEndian }) { MaxSteps = 100 };
        m.Cpu.Pc = Code;
        m.Cpu.X[0] = Data;
        for (int r = 0; r < 32; r++) m.Cpu.SetV(r, 0xAAAA_AAAA_AAAA_AAAA, 0x5555_5555_5555_5555);
        setup?.Invoke(m);
        Assert.Equal(StopReason.Trap, m.Run());
        return m;
    }

    private static (ulong Lo, ulong Hi) V(Machine m, int r) => (m.Cpu.VRegs[2 * r], m.Cpu.VRegs[2 * r + 1]);

    [Theory]
    [InlineData(false, 0x0706_0504_0302_0100UL, 0x0F0E_0D0C_0B0A_0908UL)]
    [InlineData(true, 0x0809_0A0B_0C0D_0E0FUL, 0x0001_0203_0405_0607UL)]   // one 128-bit element: byte 0 is the top
    public void Ldr_q_is_one_16_byte_element(bool bigEndian, ulong lo, ulong hi)
    {
        var m = Run([0x3DC00000], bigEndian);   // ldr q0, [x0]
        Assert.Equal((lo, hi), V(m, 0));
    }

    [Theory]
    [InlineData(false, 0x0706_0504_0302_0100UL, 0x0F0E_0D0C_0B0A_0908UL)]
    [InlineData(true, 0x0405_0607_0001_0203UL, 0x0C0D_0E0F_0809_0A0BUL)]   // four 32-bit elements, each byte-swapped
    public void Ld1_swaps_bytes_per_element(bool bigEndian, ulong lo, ulong hi)
    {
        var m = Run([0x4C407801], bigEndian);   // ld1 {v1.4s}, [x0]
        Assert.Equal((lo, hi), V(m, 1));
    }

    [Fact]
    public void Ld1_of_a_64_bit_vector_zeroes_the_upper_half()
    {
        var m = Run([0x0C407002], bigEndian: false);   // ld1 {v2.8b}, [x0]
        Assert.Equal((0x0706_0504_0302_0100UL, 0UL), V(m, 2));
    }

    [Fact]
    public void Ld4_deinterleaves_and_post_increments_by_the_transfer()
    {
        var m = Run([0x0CDF0404], bigEndian: false);   // ld4 {v4.4h-v7.4h}, [x0], #32
        // Halfword k of memory is 2k+1:2k; structure e is halfwords 4e..4e+3, one to each register.
        Assert.Equal((0x1918_1110_0908_0100UL, 0UL), V(m, 4));
        Assert.Equal((0x1B1A_1312_0B0A_0302UL, 0UL), V(m, 5));
        Assert.Equal((0x1F1E_1716_0F0E_0706UL, 0UL), V(m, 7));
        Assert.Equal(Data + 32, m.Cpu.X[0]);
    }

    [Fact]
    public void St1_lane_stores_one_element()
    {
        var m = Run([0x4D009003], bigEndian: false, m => m.Cpu.SetV(3, 0, 0xDDCC_BBAA_0000_0000));   // st1 {v3.s}[3], [x0]
        Assert.Equal(0xDDCC_BBAAUL, m.Load(Data, 4));
        Assert.Equal(0x04UL, m.Load(Data + 4, 1));
    }
}
